package dev.chaosharness.core.env;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.ToxiproxyContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * The containers of a {@link TestcontainersEnvironment} on one network: Toxiproxy (started
 * first, so link addresses are known), then Kafka and PostgreSQL together. The only class that
 * touches Testcontainers types.
 *
 * <p>Not thread-safe: the environment calls it from its starting thread and from close.
 */
final class Containers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Containers.class);
  static final String KAFKA_ALIAS = "kafka";
  static final String POSTGRES_ALIAS = "postgres";
  private static final int TOXIPROXY_DEFAULT_LINK_PORTS = 32;
  private static final String SUPERUSER = "postgres";

  private final Network network = Network.newNetwork();
  private final ToxiproxyContainer toxiproxy;
  private final KafkaContainer kafka;
  private final PostgreSQLContainer<?> postgres;
  private ToxiproxyLinkRouter router;

  /** Starts the network and Toxiproxy with at least {@code links} link ports. */
  Containers(ContainerImages images, int links) {
    toxiproxy = new ToxiproxyContainer(DockerImageName.parse(images.toxiproxy()))
        .withNetwork(network).withAccessToHost(true);
    int ports = Math.max(links, TOXIPROXY_DEFAULT_LINK_PORTS);
    toxiproxy.addExposedPorts(IntStream.range(TOXIPROXY_DEFAULT_LINK_PORTS, ports)
        .map(i -> ToxiproxyLinkRouter.FIRST_LISTEN_PORT + i).toArray());
    kafka = new KafkaContainer(DockerImageName.parse(images.kafka()))
        .withNetwork(network).withNetworkAliases(KAFKA_ALIAS);
    postgres = new PostgreSQLContainer<>(DockerImageName.parse(images.postgres()))
        .withNetwork(network).withNetworkAliases(POSTGRES_ALIAS)
        .withUsername(SUPERUSER).withPassword(SUPERUSER);
    start("toxiproxy", toxiproxy::start);
    router = new ToxiproxyLinkRouter(
        new ToxiproxyClient(toxiproxy.getHost(), toxiproxy.getControlPort()),
        ToxiproxyLinkRouter.FIRST_LISTEN_PORT, ports,
        port -> new InetSocketAddress(toxiproxy.getHost(), toxiproxy.getMappedPort(port)),
        hostPort -> {
          Testcontainers.exposeHostPorts(hostPort);
          return hostPort;
        });
  }

  /** Whether Testcontainers finds a Docker engine. */
  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  /** The router whose links are Toxiproxy proxies. */
  ToxiproxyLinkRouter router() {
    return router;
  }

  /** The Toxiproxy API URL as the host reaches it. */
  String toxiproxyApiUrl() {
    return "http://" + toxiproxy.getHost() + ":" + toxiproxy.getControlPort();
  }

  /** Adds a Kafka listener at {@code kafka:<port>} advertised as {@code advertised}. */
  void kafkaListener(int port, String advertised) {
    kafka.withListener(KAFKA_ALIAS + ":" + port, () -> advertised);
  }

  /** Starts Kafka and PostgreSQL in parallel and waits for both. */
  void startKafkaAndPostgres() {
    start("kafka and postgres", () -> Startables.deepStart(kafka, postgres).join());
  }

  private void start(String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      ComponentFailedException failed = new ComponentFailedException(what,
          "container failed to start: " + root, null, e);
      close();
      throw failed;
    }
  }

  /** Kafka's direct bootstrap address on the host (not through a link). */
  String kafkaBootstrapServers() {
    return kafka.getBootstrapServers();
  }

  /** PostgreSQL's address on the host (not through a link). */
  String postgresHostPort() {
    return postgres.getHost() + ":" + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
  }

  /** Creates a database and login named {@code name}; services reach it through a link. */
  PostgresServer.Database createDatabase(String name) {
    String password = name + "-pw";
    try (Connection connection = DriverManager.getConnection(
        postgres.getJdbcUrl(), SUPERUSER, SUPERUSER);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE \"" + name + "\" LOGIN PASSWORD '" + password + "'");
      statement.execute("CREATE DATABASE \"" + name + "\" OWNER \"" + name + "\"");
    } catch (SQLException e) {
      throw new ComponentFailedException("postgres", "could not create database '" + name
          + "': " + e.getMessage(), null, e);
    }
    return new PostgresServer.Database(name, name, password, InetSocketAddress.createUnresolved(
        POSTGRES_ALIAS, PostgreSQLContainer.POSTGRESQL_PORT));
  }

  @Override
  public void close() {
    if (router != null) {
      router.close();
    }
    List.<Runnable>of(kafka::stop, postgres::stop, toxiproxy::stop, network::close)
        .forEach(step -> {
          try {
            step.run();
          } catch (RuntimeException e) {
            LOG.warn("Could not stop a container of the environment", e);
          }
        });
  }
}
