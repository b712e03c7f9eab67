package dev.chaosharness.core.env;

import dev.chaosharness.core.target.TargetDescription;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default environment, without Docker: a Kafka broker and a PostgreSQL server as their own
 * processes, then each service of the topology as its own JVM, every faultable link through the
 * link router.
 *
 * <pre>{@code
 * try (EmbeddedEnvironment env = EmbeddedEnvironment.start(EmbeddedEnvironmentConfig.builder()
 *     .topology(Topology.readResource("dev/chaosharness/sample/topology.yaml"))
 *     .build())) {
 *   String order = env.target().service("order").baseUrl();
 *   env.process("kafka").orElseThrow().kill();
 * }
 * }</pre>
 *
 * <p>Start order: Kafka and PostgreSQL in parallel; topics ({@code <t>} and {@code <t>.faults})
 * and one database per service with {@code database: true}; then the services in dependency
 * waves, each ready when {@code GET /health} answers 200. If anything fails to start, what was
 * started is stopped and a {@link ComponentFailedException} names the component and its log.
 * {@link #close()} stops the services (last started first), then the links, then Kafka and
 * PostgreSQL; it is idempotent and also runs from a shutdown hook.
 *
 * <p>Thread-safe once started.
 */
public final class EmbeddedEnvironment implements Environment {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEnvironment.class);

  private final EmbeddedEnvironmentConfig config;
  private final ProcessSupervisor supervisor = new ProcessSupervisor();
  private final RecordingLinkRouter router;
  private final ServiceFleet fleet;
  private KafkaBroker kafka;
  private PostgresServer postgres;
  private TargetDescription target;
  private boolean closed;

  private EmbeddedEnvironment(EmbeddedEnvironmentConfig config) {
    this.config = config;
    this.router = new RecordingLinkRouter(
        config.router() != null ? config.router() : new PassThroughLinkRouter());
    this.fleet = new ServiceFleet(config, supervisor, LOG);
  }

  /**
   * Starts the environment and returns once every component is ready.
   *
   * @throws ComponentFailedException if a component fails to start; nothing is left running
   */
  public static EmbeddedEnvironment start(EmbeddedEnvironmentConfig config) {
    EmbeddedEnvironment env = new EmbeddedEnvironment(config);
    try {
      env.startAll();
      return env;
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  private void startAll() {
    Topology topology = config.topology();
    List<Topology.ServiceDef> defs = topology == null ? List.of() : topology.services();
    Parallel.joinAll(List.of(Parallel.async(() -> startKafka(topology, defs)),
        Parallel.async(this::startPostgres)));
    Map<String, PostgresServer.Database> databases = new LinkedHashMap<>();
    defs.stream().filter(Topology.ServiceDef::database)
        .forEach(s -> databases.put(s.name(), postgres.createDatabase(s.name())));
    fleet.start(router, kafka::bootstrapServers, databases);
    target = TargetDescriptions.of(config, fleet.httpAddresses(), kafka.bootstrapServers(),
        router.links(), config.proxyApiUrl());
  }

  private void startKafka(Topology topology, List<Topology.ServiceDef> defs) {
    KafkaBrokerConfig.Builder builder = KafkaBrokerConfig.builder(config.workDir());
    defs.stream().filter(Topology.ServiceDef::kafka)
        .forEach(s -> builder.link(s.name() + "->kafka"));
    kafka = KafkaBroker.launch(supervisor, builder.build(), router);
    fleet.ready(new Component("kafka", kafka.bootstrapServers(), kafka.awaitReady()));
    if (topology != null) {
      kafka.createTopics(topology.topics().withFaultTopics(), topology.topics().partitions());
    }
  }

  private void startPostgres() {
    postgres = PostgresServer.launch(supervisor, config.workDir());
    fleet.ready(new Component("postgres", Ports.hostPort(postgres.address()),
        postgres.awaitReady()));
  }

  @Override
  public TargetDescription target() {
    return target;
  }

  @Override
  public List<Component> components() {
    return fleet.components();
  }

  @Override
  public synchronized Optional<ManagedProcess> process(String name) {
    if ("kafka".equals(name) && kafka != null) {
      return Optional.of(kafka.process());
    }
    if ("postgres".equals(name) && postgres != null) {
      return Optional.of(postgres.process());
    }
    return fleet.service(name);
  }

  /** The broker, for harness-side clients and topic administration. */
  public KafkaBroker kafka() {
    return kafka;
  }

  /** The database server. */
  public PostgresServer postgres() {
    return postgres;
  }

  /** The run's work folder. */
  public Path workDir() {
    return config.workDir();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    fleet.close();
    router.close();
    if (kafka != null) {
      kafka.close();
    }
    supervisor.close();
  }
}
