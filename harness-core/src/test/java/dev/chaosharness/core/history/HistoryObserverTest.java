package dev.chaosharness.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.env.ComponentFailedException;
import dev.chaosharness.core.env.KafkaBroker;
import dev.chaosharness.core.env.KafkaBrokerConfig;
import dev.chaosharness.core.env.PassThroughLinkRouter;
import dev.chaosharness.core.env.ProcessSupervisor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real broker process for the class. */
class HistoryObserverTest {

  private static final List<String> TOPICS = List.of("orders.events", "payments.events");
  @TempDir static Path workDir;
  private static ProcessSupervisor supervisor;
  private static PassThroughLinkRouter router;
  private static KafkaBroker broker;

  @BeforeAll
  static void start() {
    supervisor = new ProcessSupervisor();
    router = new PassThroughLinkRouter();
    for (int attempt = 1; broker == null; attempt++) {
      // a free port chosen at launch can be taken by another process on a shared machine: one retry
      KafkaBroker launched = KafkaBroker.launch(supervisor,
          KafkaBrokerConfig.builder(workDir.resolve("attempt-" + attempt)).build(), router);
      try {
        launched.awaitReady();
        broker = launched;
      } catch (ComponentFailedException e) {
        launched.close();
        if (attempt == 2) {
          throw e;
        }
      }
    }
    broker.createTopics(TOPICS, 3);
  }

  @AfterAll
  static void stop() {
    broker.close();
    router.close();
    supervisor.close();
  }

  private static KafkaProducer<String, String> producer(String transactionalId) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
    KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    producer.initTransactions();
    return producer;
  }

  private static String envelope(UUID id, String type, String order) {
    return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"orderId\":\"" + order
        + "\",\"occurredAt\":\"2026-11-22T01:00:00Z\",\"source\":\"order\",\"causationId\":null,\"synthetic\":true,\"payload\":{}}";
  }

  /** Sends {@code count} committed events, one aborted event and one poison record; returns the committed ids. */
  private static Set<UUID> publish(String txId, int count) {
    Set<UUID> committed = new HashSet<>();
    try (KafkaProducer<String, String> producer = producer(txId)) {
      producer.beginTransaction();
      for (int i = 0; i < count; i++) {
        UUID id = UUID.randomUUID();
        String order = "o-" + txId + "-" + i;
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPICS.get(i % 2), order,
            envelope(id, i % 2 == 0 ? "OrderCreated" : "PaymentProcessed", order));
        record.headers().add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.US_ASCII));
        producer.send(record);
        committed.add(id);
      }
      producer.send(new ProducerRecord<>(TOPICS.get(0), "poison", "not json"));
      producer.commitTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(TOPICS.get(1), "aborted", envelope(UUID.randomUUID(), "OrderCreated", "aborted")));
      producer.flush();
      producer.abortTransaction();
    }
    return committed;
  }

  private static Set<UUID> ids(EventHistory history) {
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < history.size(); i++) {
      ids.add(history.eventId(i));
    }
    return ids;
  }

  @Test
  void should_record_every_committed_event_and_write_the_file_when_stopped_right_after_publishing() throws Exception {
    // given
    Path file = workDir.resolve("history.jsonl");
    ObserverConfig config = ObserverConfig.builder(broker.bootstrapServers(), TOPICS).groupId("observer-a").build();
    try (HistoryObserver observer = HistoryObserver.start(config, Clock.systemUTC(), HistoryWriter.create(file))) {
      Set<UUID> committed = publish("a", 200);
      // when
      EventHistory history = observer.stop();
      // then
      assertThat(history.size()).isEqualTo(200);
      assertThat(ids(history)).isEqualTo(committed);
      assertThat(observer.rejected()).isEqualTo(1);
      assertThat(history.traceId(0)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
      assertThat(ids(HistoryReader.read(file))).isEqualTo(committed);
      assertThat(Files.readAllLines(file)).hasSize(200);
    }
  }

  @Test
  void should_skip_earlier_events_when_starting_at_the_latest_offsets() {
    // given
    Set<UUID> before = publish("b1", 20);
    ObserverConfig config = ObserverConfig.builder(broker.bootstrapServers(), TOPICS).groupId("observer-b")
        .start(ObserverConfig.StartPosition.LATEST).drainTimeout(Duration.ofSeconds(20)).build();
    try (HistoryObserver observer = HistoryObserver.start(config, Clock.systemUTC(), null)) {
      Set<UUID> after = publish("b2", 30);
      // when
      EventHistory history = observer.stop();
      // then
      assertThat(ids(history)).isEqualTo(after).doesNotContainAnyElementsOf(before);
    }
  }

  @Test
  void should_name_the_missing_topic_when_it_does_not_exist() {
    // given
    ObserverConfig config = ObserverConfig.builder(broker.bootstrapServers(), List.of("orders.events", "nope.events")).build();
    // when / then
    assertThatThrownBy(() -> HistoryObserver.start(config, Clock.systemUTC(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Topic 'nope.events' does not exist on " + broker.bootstrapServers()
            + "; create it before starting the observer, or fix the topic list [orders.events, nope.events]");
  }
}
