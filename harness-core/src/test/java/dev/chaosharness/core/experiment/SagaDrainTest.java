package dev.chaosharness.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.check.SyntheticSagas;
import dev.chaosharness.core.env.KafkaBroker;
import dev.chaosharness.core.env.OneBroker;
import dev.chaosharness.core.history.HistoryObserver;
import dev.chaosharness.core.history.ObserverConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real broker: the drain waits for a live consumer that is behind, not for an abandoned group. */
class SagaDrainTest {

  private static final String TOPIC = "orders.events";
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
  @TempDir static Path workDir;
  private static OneBroker kafka;
  private static KafkaBroker broker;

  @BeforeAll
  static void start() {
    kafka = OneBroker.start(workDir);
    broker = kafka.broker();
    broker.createTopics(List.of(TOPIC), 1);
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  private static HistoryObserver observer(String groupId) {
    return HistoryObserver.start(ObserverConfig.builder(broker.bootstrapServers(), List.of(TOPIC)).groupId(groupId)
        .start(ObserverConfig.StartPosition.LATEST).build(), Clock.systemUTC(), null);
  }

  private static KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  private static void send(KafkaProducer<String, String> producer, String type, String order) throws Exception {
    producer.send(new ProducerRecord<>(TOPIC, order, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type
        + "\",\"orderId\":\"" + order + "\",\"occurredAt\":\"2026-12-02T10:00:00Z\",\"source\":\"order\","
        + "\"causationId\":null,\"synthetic\":true,\"payload\":{}}")).get();
  }

  private static KafkaConsumer<String, String> service() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "order");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(TOPIC));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200));
    }
    return consumer;
  }

  private static void awaitRecorded(HistoryObserver observer, long events) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (observer.recorded() < events && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(observer.recorded()).isEqualTo(events);
  }

  @Test
  void should_settle_when_no_saga_is_open_or_no_live_consumer_is_behind() throws Exception {
    try (HistoryObserver observer = observer("harness-drain-test");
        SagaDrain drain = new SagaDrain(SyntheticSagas.sampleSpec(), broker.bootstrapServers(), List.of(TOPIC));
        KafkaProducer<String, String> producer = producer()) {
      // given: o-1 starts; the order group is live and has committed nothing past it
      send(producer, "OrderCreated", "o-1");
      awaitRecorded(observer, 1);
      KafkaConsumer<String, String> order = service();
      order.seekToEnd(List.of(PARTITION));
      long end = order.position(PARTITION);
      order.commitSync(Map.of(PARTITION, new OffsetAndMetadata(end - 1)));
      // then: a saga is open and its event waits in a live consumer
      assertThat(drain.settled(observer)).isFalse();

      // when: the consumer reads it
      order.commitSync(Map.of(PARTITION, new OffsetAndMetadata(end)));
      // then: what is open is stuck, not queued
      assertThat(drain.settled(observer)).isTrue();

      // when: o-2 starts and the consumer leaves its group behind it
      send(producer, "OrderCreated", "o-2");
      awaitRecorded(observer, 2);
      assertThat(drain.settled(observer)).isFalse();
      order.close();
      // then: an abandoned group does not hold the drain (once the broker has seen it leave)
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      boolean settled = false;
      while (!settled && System.nanoTime() < deadline) {
        settled = drain.settled(observer);
        Thread.sleep(200);
      }
      assertThat(settled).isTrue();
    }
  }

  @Test
  void should_settle_without_asking_the_broker_when_every_saga_has_ended() throws Exception {
    try (HistoryObserver observer = observer("harness-drain-ended");
        SagaDrain drain = new SagaDrain(SyntheticSagas.sampleSpec(), "127.0.0.1:1", List.of(TOPIC));
        KafkaProducer<String, String> producer = producer()) {
      // given: a saga that started and ended; the drain's broker address leads nowhere
      send(producer, "OrderCreated", "o-3");
      send(producer, "OrderFailed", "o-3");
      awaitRecorded(observer, 2);
      // when / then
      assertThat(drain.settled(observer)).isTrue();
    }
  }
}
