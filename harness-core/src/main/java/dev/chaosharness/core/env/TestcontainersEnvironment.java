package dev.chaosharness.core.env;

import dev.chaosharness.core.target.TargetDescription;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topology of an {@link EmbeddedEnvironment} with Kafka, PostgreSQL and Toxiproxy in
 * containers (Testcontainers) where a Docker engine exists; the services still run as local
 * processes, launched exactly as the embedded environment launches them.
 *
 * <pre>{@code
 * try (TestcontainersEnvironment env = TestcontainersEnvironment.start(
 *     EmbeddedEnvironmentConfig.builder().topology(shop).build())) {
 *   String faults = env.target().proxyApiUrl();   // a real Toxiproxy server
 * }
 * }</pre>
 *
 * <p>Every link ({@code <service>->kafka}, {@code <service>->postgres},
 * {@code <service>-><alias>}) is a proxy of the Toxiproxy container, so the target's
 * {@code proxyApiUrl} faults them with the Toxiproxy client. Kafka has one listener per Kafka
 * link, advertised as that link's address. Needs {@code org.testcontainers:kafka},
 * {@code postgresql} and {@code toxiproxy} on the classpath (optional dependencies of
 * harness-core). {@link #process(String)} knows the services only.
 *
 * <p>Thread-safe once started; {@link #close()} stops services, then the containers, and is
 * idempotent.
 */
public final class TestcontainersEnvironment implements Environment {

  private static final Logger LOG = LoggerFactory.getLogger(TestcontainersEnvironment.class);
  private static final int FIRST_KAFKA_LINK_PORT = 19092;

  private final EmbeddedEnvironmentConfig config;
  private final ProcessSupervisor supervisor = new ProcessSupervisor();
  private final ServiceFleet fleet;
  private final Map<String, String> kafkaLinks = new LinkedHashMap<>();
  private Containers containers;
  private RecordingLinkRouter router;
  private TargetDescription target;
  private boolean closed;

  private TestcontainersEnvironment(EmbeddedEnvironmentConfig config) {
    this.config = config;
    this.fleet = new ServiceFleet(config, supervisor, LOG);
  }

  /** Starts with the default images; see {@link #start(EmbeddedEnvironmentConfig, ContainerImages)}. */
  public static TestcontainersEnvironment start(EmbeddedEnvironmentConfig config) {
    return start(config, ContainerImages.ofDefaults());
  }

  /**
   * Starts the containers and the services and returns once every component is ready.
   *
   * @throws IllegalArgumentException if the config sets a link router or proxy API URL (the
   *     Toxiproxy container is both here)
   * @throws IllegalStateException if Testcontainers or a Docker engine is missing
   * @throws ComponentFailedException if a component fails to start; nothing is left running
   */
  public static TestcontainersEnvironment start(EmbeddedEnvironmentConfig config,
      ContainerImages images) {
    if (config.router() != null || config.proxyApiUrl() != null) {
      throw new IllegalArgumentException("TestcontainersEnvironment routes every link through "
          + "its Toxiproxy container, but the config sets a link router or proxy API URL; "
          + "build the config without linkRouter(...) and proxyApiUrl(...)");
    }
    DockerCheck.require();
    TestcontainersEnvironment env = new TestcontainersEnvironment(config);
    try {
      env.startAll(images);
      return env;
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  private void startAll(ContainerImages images) {
    Topology topology = config.topology();
    List<Topology.ServiceDef> defs = topology == null ? List.of() : topology.services();
    long started = System.nanoTime();
    containers = new Containers(images, linkCount(defs));
    router = new RecordingLinkRouter(containers.router());
    ready("toxiproxy", containers.toxiproxyApiUrl(), started);
    int port = FIRST_KAFKA_LINK_PORT;
    for (Topology.ServiceDef def : defs.stream().filter(Topology.ServiceDef::kafka).toList()) {
      String link = def.name() + "->kafka";
      String address = Ports.hostPort(router.open(link,
          InetSocketAddress.createUnresolved(Containers.KAFKA_ALIAS, port)));
      containers.kafkaListener(port++, address);
      kafkaLinks.put(link, address);
    }
    started = System.nanoTime();
    containers.startKafkaAndPostgres();
    ready("kafka", containers.kafkaBootstrapServers(), started);
    ready("postgres", containers.postgresHostPort(), started);
    if (topology != null) {
      createTopics(topology.topics());
    }
    Map<String, PostgresServer.Database> databases = new LinkedHashMap<>();
    defs.stream().filter(Topology.ServiceDef::database)
        .forEach(s -> databases.put(s.name(), containers.createDatabase(s.name())));
    fleet.start(router, kafkaLinks::get, databases);
    target = TargetDescriptions.of(config, fleet.httpAddresses(),
        containers.kafkaBootstrapServers(), router.links(), containers.toxiproxyApiUrl());
  }

  private static int linkCount(List<Topology.ServiceDef> defs) {
    return defs.stream().mapToInt(s -> (s.kafka() ? 1 : 0) + (s.database() ? 1 : 0)
        + s.dependencies().size()).sum();
  }

  private void createTopics(Topology.Topics topics) {
    List<NewTopic> all = topics.withFaultTopics().stream()
        .map(name -> new NewTopic(name, topics.partitions(), (short) 1)).toList();
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, containers.kafkaBootstrapServers()))) {
      admin.createTopics(all).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new ComponentFailedException("kafka", "could not create topics "
          + topics.withFaultTopics() + ": " + e, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComponentFailedException("kafka", "was interrupted creating topics", null, e);
    }
  }

  private void ready(String name, String address, long startedNanos) {
    fleet.ready(new Component(name, address, Duration.ofNanos(System.nanoTime() - startedNanos)));
  }

  @Override
  public TargetDescription target() {
    return target;
  }

  @Override
  public List<Component> components() {
    return fleet.components();
  }

  /** The process of a service; empty for {@code kafka} and {@code postgres} (containers). */
  @Override
  public synchronized Optional<ManagedProcess> process(String name) {
    return fleet.service(name);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    fleet.close();
    supervisor.close();
    if (containers != null) {
      containers.close();   // deletes the proxies, then stops Kafka, PostgreSQL, Toxiproxy
    }
  }
}
