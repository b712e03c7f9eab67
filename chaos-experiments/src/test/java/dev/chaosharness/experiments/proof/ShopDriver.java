package dev.chaosharness.experiments.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chaosharness.core.check.SagaChecker;
import dev.chaosharness.core.check.SagaSpec;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.env.EmbeddedEnvironment;
import dev.chaosharness.core.env.EmbeddedEnvironmentConfig;
import dev.chaosharness.core.env.Topology;
import dev.chaosharness.core.fault.FaultTarget;
import dev.chaosharness.core.fault.Faults;
import dev.chaosharness.core.fault.LinkDownFault;
import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.proxy.FaultProxyConfig;
import dev.chaosharness.core.proxy.FaultProxyLinkRouter;
import dev.chaosharness.sample.smoke.SagaPath;
import dev.chaosharness.core.history.EventHistory;
import dev.chaosharness.core.history.HistoryObserver;
import dev.chaosharness.core.history.HistoryWriter;
import dev.chaosharness.core.history.ObserverConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Drives an embedded sample shop for the proofs: places orders, redelivers events, observes and checks a history. */
final class ShopDriver implements AutoCloseable {

  static final Duration SAGA_TIMEOUT = Duration.ofSeconds(90);
  static final List<String> SAGA_TOPICS = List.of("orders.events", "payments.events", "stock.events", "shipping.events");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FaultProxy proxy;
  private final EmbeddedEnvironment env;
  private final Path workDir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ShopDriver(FaultProxy proxy, EmbeddedEnvironment env, Path workDir) {
    this.proxy = proxy;
    this.env = env;
    this.workDir = workDir;
  }

  /** Starts the shipped shop with every link through a fault proxy, and the given defects per service. */
  static ShopDriver start(Path workDir, Map<String, String> defectsByService) {
    return start(workDir, defectsByService, Map.of());
  }

  /**
   * Starts the shipped shop as {@link #start(Path, Map)} does, with the named links (for example
   * {@code payment->provider}) going through the fault proxy to another upstream (a stub).
   */
  static ShopDriver start(Path workDir, Map<String, String> defectsByService,
      Map<String, java.net.InetSocketAddress> redirectedLinks) {
    FaultProxy proxy = FaultProxy.start(FaultProxyConfig.ofDefaults());
    try {
      EmbeddedEnvironmentConfig.Builder config = EmbeddedEnvironmentConfig.builder()
          .topology(Topology.readResource("dev/chaosharness/sample/topology.yaml"))
          .workDir(workDir)
          .linkRouter(new RedirectingLinkRouter(FaultProxyLinkRouter.of(proxy), redirectedLinks));
      defectsByService.forEach(config::defects);
      return new ShopDriver(proxy, EmbeddedEnvironment.start(config.build()), workDir);
    } catch (RuntimeException e) {
      proxy.close();
      throw e;
    }
  }

  /** Stops the shop, then its fault proxy. */
  @Override
  public void close() {
    try {
      env.close();
    } finally {
      proxy.close();
    }
  }

  /**
   * Places {@code count} successful-path orders while {@code order->kafka} is down, and returns
   * their ids once order's producer has failed a send for each; the link is up again on return.
   */
  List<String> placeDuringBrokerOutage(String customerId, int count) throws Exception {
    LinkDownFault linkDown = Faults.linkDown("order->kafka");
    double errorsBefore = metric("order", "kafka_producer_record_error_total");
    linkDown.inject(FaultTarget.builder().toxiproxy(proxy.apiUrl()).build());
    try {
      List<String> placed = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        placed.add(place(SagaPath.SUCCESS.requestBody(customerId)));
      }
      await("order's producer to fail the " + count + " OrderCreated sends").atMost(SAGA_TIMEOUT)
          .until(() -> metric("order", "kafka_producer_record_error_total"), e -> e >= errorsBefore + count);
      return placed;
    } finally {
      linkDown.revert();
    }
  }

  /** The shop's saga specification, as shipped with harness-core. */
  static SagaSpec sampleSpec() throws IOException {
    try (InputStream in = ShopDriver.class.getResourceAsStream("/dev/chaosharness/core/check/sample-saga.yaml")) {
      assertThat(in).as("sample-saga.yaml on the classpath").isNotNull();
      return SagaSpec.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "sample-saga.yaml");
    }
  }

  /** Places one order and returns its id; fails unless the order service answers 201. */
  String place(String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl("order") + "/orders"))
            .timeout(Duration.ofSeconds(20))
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).path("orderId").asText();
  }

  /** Waits until the order service reports a terminal status for every order and returns them in order. */
  List<String> awaitTerminal(List<String> orderIds) {
    List<String> statuses = new ArrayList<>();
    for (String orderId : orderIds) {
      statuses.add(await("terminal status of order " + orderId).atMost(SAGA_TIMEOUT).pollInterval(Duration.ofMillis(200))
          .until(() -> status(orderId), s -> s.equals("COMPLETED") || s.equals("FAILED")));
    }
    return statuses;
  }

  /** Returns the order service's status of an order. */
  String status(String orderId) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl("order") + "/orders/" + orderId))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).path("status").asText();
  }

  /** Returns the sum of the samples of one metric family on a service's {@code /metrics}. */
  double metric(String service, String family) throws Exception {
    String text = http.send(HttpRequest.newBuilder(URI.create(baseUrl(service) + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(family + "{") || line.startsWith(family + " ")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** Returns the sum of the samples of one metric family whose labels include {@code label}, e.g. {@code outcome="error"}. */
  double metric(String service, String family, String label) throws Exception {
    String text = http.send(HttpRequest.newBuilder(URI.create(baseUrl(service) + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(family + "{") && line.substring(0, line.indexOf('}') + 1).contains(label)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** Re-publishes a byte-identical copy of an order's {@code OrderCreated} (same event id): a redelivery. */
  void redeliverOrderCreated(String orderId) throws Exception {
    ConsumerRecord<String, byte[]> created = findOrderCreated(orderId);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
      producer.send(new ProducerRecord<>(created.topic(), created.partition(), created.key(), created.value(),
          created.headers())).get();
    }
  }

  private ConsumerRecord<String, byte[]> findOrderCreated(String orderId) throws IOException {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
      List<TopicPartition> partitions = consumer.partitionsFor("orders.events").stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          JsonNode event = JSON.readTree(r.value());
          if (orderId.equals(r.key()) && "OrderCreated".equals(event.path("type").asText())) {
            return r;
          }
        }
      }
    }
    throw new AssertionError("No OrderCreated of order " + orderId + " on orders.events within 30 s");
  }

  /** Observes every saga topic from the beginning up to now and checks the history. */
  Verdict observeAndCheck(SagaChecker checker) throws IOException {
    Path file = Files.createTempFile(workDir, "history-", ".jsonl");
    ObserverConfig config = ObserverConfig.builder(bootstrap(), SAGA_TOPICS)
        .groupId("proof-observer-" + UUID.randomUUID()).drainTimeout(Duration.ofSeconds(60)).build();
    EventHistory history;
    try (HistoryObserver observer = HistoryObserver.start(config, Clock.systemUTC(), HistoryWriter.create(file))) {
      history = observer.stop();
    }
    return checker.check(history);
  }

  String bootstrap() {
    return env.target().kafka().bootstrapServers();
  }

  String baseUrl(String service) {
    return env.target().service(service).baseUrl();
  }
}
