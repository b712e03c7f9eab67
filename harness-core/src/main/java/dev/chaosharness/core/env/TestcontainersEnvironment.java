package dev.chaosharness.core.env;

import dev.chaosharness.core.target.TargetDescription;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
  private final List<Component> components = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
  private final Map<String, InetSocketAddress> httpAddresses = new LinkedHashMap<>();
  private final Map<String, String> kafkaLinks = new LinkedHashMap<>();
  private Containers containers;
  private RecordingLinkRouter router;
  private TargetDescription target;
  private boolean closed;

  private TestcontainersEnvironment(EmbeddedEnvironmentConfig config) {
    this.config = config;
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
    ServiceLauncher launcher = new ServiceLauncher(config, router, kafkaLinks::get, databases,
        httpAddresses);
    if (topology != null) {
      for (List<Topology.ServiceDef> wave : topology.startWaves()) {
        startWave(wave, launcher);
      }
    }
    target = describe();
  }

  private static int linkCount(List<Topology.ServiceDef> defs) {
    return defs.stream().mapToInt(s -> (s.kafka() ? 1 : 0) + (s.database() ? 1 : 0)
        + s.dependencies().size()).sum();
  }

  private void startWave(List<Topology.ServiceDef> wave, ServiceLauncher launcher) {
    List<ManagedProcess> waiting = new ArrayList<>();
    for (Topology.ServiceDef def : wave) {
      InetSocketAddress http = Ports.loopback(Ports.free());
      ManagedProcess process = supervisor.start(launcher.spec(def, http));
      synchronized (this) {
        services.put(def.name(), process);
        httpAddresses.put(def.name(), http);
      }
      waiting.add(process);
    }
    for (ManagedProcess process : waiting) {
      Duration readyAfter = process.awaitReady(config.serviceStartTimeout());
      ready(new Component(process.name(),
          "http://" + Ports.hostPort(httpAddresses.get(process.name())), readyAfter));
    }
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
    ready(new Component(name, address, Duration.ofNanos(System.nanoTime() - startedNanos)));
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
        new TargetDescription.Kafka(containers.kafkaBootstrapServers(), topics), router.links(),
        containers.toxiproxyApiUrl(),
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

  /** The process of a service; empty for {@code kafka} and {@code postgres} (containers). */
  @Override
  public synchronized Optional<ManagedProcess> process(String name) {
    return Optional.ofNullable(services.get(name));
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
    supervisor.close();
    if (containers != null) {
      containers.close();   // deletes the proxies, then stops Kafka, PostgreSQL, Toxiproxy
    }
  }
}
