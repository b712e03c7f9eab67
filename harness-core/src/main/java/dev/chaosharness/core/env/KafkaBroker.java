package dev.chaosharness.core.env;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka 4 broker (KRaft, broker and controller in one node) running as its own OS
 * process from the harness's classpath, with its data under {@code <workDir>/kafka/data}.
 *
 * <pre>{@code
 * KafkaBroker broker = KafkaBroker.launch(supervisor, KafkaBrokerConfig.builder(workDir)
 *     .link("order->kafka").build(), router);
 * broker.awaitReady();
 * broker.createTopics(List.of("orders.events"), 3);
 * String direct = broker.bootstrapServers();                // harness-side clients
 * String viaProxy = broker.bootstrapServers("order->kafka"); // the order service
 * broker.process().kill();   // SIGKILL; committed records survive
 * broker.process().restart();
 * broker.awaitReady();
 * }</pre>
 *
 * <p>Listeners: {@code CONTROLLER}, {@code DIRECT} (advertised as itself), and one listener per
 * faultable link whose advertised address is that link's router address (see
 * {@link KafkaServerProperties} for why one per link). Ports are chosen free at launch and kept
 * across restarts, so router links stay valid.
 *
 * <p>Thread-safe.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

  private final KafkaBrokerConfig config;
  private final ManagedProcess process;
  private final InetSocketAddress direct;
  private final Map<String, InetSocketAddress> linkAddresses;
  private final KafkaReadinessProbe probe;

  private KafkaBroker(KafkaBrokerConfig config, ManagedProcess process, InetSocketAddress direct,
      Map<String, InetSocketAddress> linkAddresses, KafkaReadinessProbe probe) {
    this.config = config;
    this.process = process;
    this.direct = direct;
    this.linkAddresses = Map.copyOf(linkAddresses);
    this.probe = probe;
  }

  /**
   * Formats the storage, opens a router link per configured link, and launches the broker
   * process without waiting for it; call {@link #awaitReady()} next.
   *
   * @throws ComponentFailedException if formatting or launching fails
   */
  public static KafkaBroker launch(ProcessSupervisor supervisor, KafkaBrokerConfig config,
      LinkRouter router) {
    Path home = config.workDir().resolve("kafka");
    Path logFile = config.workDir().resolve("logs").resolve("kafka.log");
    int controllerPort = Ports.free();
    InetSocketAddress direct = Ports.loopback(Ports.free());
    List<KafkaServerProperties.ProxiedListener> proxied = new ArrayList<>();
    Map<String, InetSocketAddress> linkAddresses = new LinkedHashMap<>();
    for (String link : config.links()) {
      int port = Ports.free();
      InetSocketAddress advertised = router.open(link, Ports.loopback(port));
      proxied.add(new KafkaServerProperties.ProxiedListener(
          link, "LINK" + (proxied.size() + 1), port, advertised));
      linkAddresses.put(link, advertised);
    }
    Path properties = home.resolve("server.properties");
    try {
      Files.createDirectories(logFile.getParent());
      Files.createDirectories(home);
      Files.writeString(properties, KafkaServerProperties.render(
          controllerPort, direct.getPort(), proxied, home.resolve("data")));
      Files.writeString(home.resolve("logback.xml"), LOGBACK);
    } catch (IOException e) {
      throw new ComponentFailedException("kafka", "could not write its configuration under "
          + home + ": " + e.getMessage(), logFile, e);
    }
    KafkaStorage.format(home.resolve("data"), properties, logFile);
    KafkaReadinessProbe probe = new KafkaReadinessProbe(direct);
    ProcessSpec spec = ProcessSpec.javaMain("kafka", "kafka.Kafka", config.workDir())
        .jvmOption("-Xmx" + config.maxHeap())
        .classDataSharing()
        .jvmOption("-Dlogback.configurationFile=" + home.resolve("logback.xml"))
        .jvmOption("-Dlog4j2.level=WARN")
        .arg(properties.toString())
        .logFile(logFile)
        .stopGrace(Duration.ofSeconds(30))
        .readiness(probe)
        .build();
    return new KafkaBroker(config, supervisor.start(spec), direct, linkAddresses, probe);
  }

  /** Waits until the broker serves requests (timeout from the config); returns how long. */
  public Duration awaitReady() {
    return process.awaitReady(config.startTimeout());
  }

  /** The direct bootstrap address {@code 127.0.0.1:port}, for harness-side clients. */
  public String bootstrapServers() {
    return Ports.hostPort(direct);
  }

  /** The bootstrap address through the router for {@code link}, for example {@code order->kafka}. */
  public String bootstrapServers(String link) {
    InetSocketAddress address = linkAddresses.get(link);
    if (address == null) {
      throw new IllegalArgumentException("Kafka link '" + link + "' does not exist; known links: "
          + linkAddresses.keySet());
    }
    return Ports.hostPort(address);
  }

  /** The broker process, for faults: kill, pause, resume, restart. */
  public ManagedProcess process() {
    return process;
  }

  /**
   * Creates the topics with {@code partitions} partitions each (replication factor 1); topics
   * that exist already are left alone.
   */
  public void createTopics(Collection<String> names, int partitions) {
    List<NewTopic> topics = names.stream()
        .map(name -> new NewTopic(name, partitions, (short) 1)).toList();
    probe.admin().createTopics(topics).values().forEach((name, future) -> {
      try {
        future.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new ComponentFailedException("kafka", "could not create topic '" + name
              + "': " + e.getCause().getMessage(), process.logFile(), e);
        }
      } catch (TimeoutException | InterruptedException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        throw new ComponentFailedException("kafka", "did not create topic '" + name
            + "' within 30 s", process.logFile(), e);
      }
    });
    LOG.info("Kafka topics ready: {}", names);
  }

  /** The names of the topics on the broker (internal ones excluded). */
  public Set<String> topics() {
    try {
      return probe.admin().listTopics().names().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException | InterruptedException e) {
      throw new ComponentFailedException("kafka", "did not list topics within 10 s",
          process.logFile(), e);
    }
  }

  /** Stops the broker (SIGTERM, then SIGKILL after 30 s); idempotent. */
  @Override
  public void close() {
    probe.close();
    process.close();
  }

  private static final String LOGBACK = String.join("\n",
      "<configuration>",
      "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
      "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n</pattern></encoder>",
      "  </appender>",
      "  <logger name=\"org.apache.kafka.clients\" level=\"WARN\"/>",
      "  <logger name=\"org.apache.kafka.common.config\" level=\"WARN\"/>",
      "  <logger name=\"kafka.server.KafkaConfig\" level=\"WARN\"/>",
      "  <root level=\"INFO\"><appender-ref ref=\"OUT\"/></root>",
      "</configuration>", "");
}
