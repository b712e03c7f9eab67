package dev.chaosharness.core.env;

import dev.chaosharness.core.target.TargetDescription;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
  private final List<Component> components = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
  private final Map<String, InetSocketAddress> httpAddresses = new LinkedHashMap<>();
  private KafkaBroker kafka;
  private PostgresServer postgres;
  private TargetDescription target;
  private boolean closed;

  private EmbeddedEnvironment(EmbeddedEnvironmentConfig config) {
    this.config = config;
    this.router = new RecordingLinkRouter(
        config.router() != null ? config.router() : new PassThroughLinkRouter());
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
    CompletableFuture<Void> kafkaReady = async(() -> {
      KafkaBrokerConfig.Builder builder = KafkaBrokerConfig.builder(config.workDir());
      defs.stream().filter(Topology.ServiceDef::kafka).forEach(s -> builder.link(s.name() + "->kafka"));
      kafka = KafkaBroker.launch(supervisor, builder.build(), router);
      ready(new Component("kafka", kafka.bootstrapServers(), kafka.awaitReady()));
      if (topology != null) {
        kafka.createTopics(topology.topics().withFaultTopics(), topology.topics().partitions());
      }
    });
    CompletableFuture<Void> postgresReady = async(() -> {
      postgres = PostgresServer.launch(supervisor, config.workDir());
      ready(new Component("postgres", Ports.hostPort(postgres.address()), postgres.awaitReady()));
    });
    join(CompletableFuture.allOf(kafkaReady, postgresReady));
    Map<String, PostgresServer.Database> databases = new LinkedHashMap<>();
    defs.stream().filter(Topology.ServiceDef::database)
        .forEach(s -> databases.put(s.name(), postgres.createDatabase(s.name())));
    ServiceLauncher launcher = new ServiceLauncher(config, router, kafka::bootstrapServers, databases,
        httpAddresses);
    if (topology != null) {
      for (List<Topology.ServiceDef> wave : topology.startWaves()) {
        startWave(wave, launcher);
      }
    }
    target = describe();
  }

  private void startWave(List<Topology.ServiceDef> wave, ServiceLauncher launcher) {
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    for (Topology.ServiceDef def : wave) {
      InetSocketAddress http = Ports.loopback(Ports.free());
      ManagedProcess process = supervisor.start(launcher.spec(def, http));
      synchronized (this) {
        services.put(def.name(), process);
        httpAddresses.put(def.name(), http);
      }
      waiting.add(async(() -> ready(new Component(def.name(), "http://" + Ports.hostPort(http),
          process.awaitReady(config.serviceStartTimeout())))));
    }
    join(CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)));
  }

  private void ready(Component component) {
    components.add(component);
    LOG.info("{} ready at {} after {} ms", component.name(), component.address(),
        component.readyAfter().toMillis());
    config.onReady().accept(component);
  }

  private TargetDescription describe() {
    List<TargetDescription.Service> described = new ArrayList<>();
    httpAddresses.forEach((name, http) -> {
      String base = "http://" + Ports.hostPort(http);
      described.add(new TargetDescription.Service(name, base, base + "/health", base + "/metrics"));
    });
    Topology topology = config.topology();
    List<String> topics = topology == null ? List.of() : topology.topics().withFaultTopics();
    return new TargetDescription(topology == null ? "infrastructure" : topology.name(), false,
        config.workDir().toAbsolutePath().toString(), described,
        new TargetDescription.Kafka(kafka.bootstrapServers(), topics), router.links(),
        config.proxyApiUrl(),
        config.traceEndpoint() == null ? null : config.traceEndpoint().toString());
  }

  @Override
  public TargetDescription target() {
    return target;
  }

  @Override
  public List<Component> components() {
    return List.copyOf(components);
  }

  @Override
  public synchronized Optional<ManagedProcess> process(String name) {
    if ("kafka".equals(name) && kafka != null) {
      return Optional.of(kafka.process());
    }
    if ("postgres".equals(name) && postgres != null) {
      return Optional.of(postgres.process());
    }
    return Optional.ofNullable(services.get(name));
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
    List<ManagedProcess> started = new ArrayList<>(services.values());
    Collections.reverse(started);
    started.forEach(ManagedProcess::close);
    router.close();
    if (kafka != null) {
      kafka.close();
    }
    supervisor.close();
  }

  private static CompletableFuture<Void> async(Runnable step) {
    return CompletableFuture.runAsync(step, runnable -> {
      Thread thread = new Thread(runnable, "chaos-harness-env-start");
      thread.setDaemon(true);
      thread.start();
    });
  }

  private static void join(CompletableFuture<Void> future) {
    try {
      future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
