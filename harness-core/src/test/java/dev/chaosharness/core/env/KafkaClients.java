package dev.chaosharness.core.env;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Small Kafka client helpers for the environment tests. */
final class KafkaClients {

  private KafkaClients() {}

  static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        ProducerConfig.LINGER_MS_CONFIG, 0,
        ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 100),
        new StringSerializer(), new StringSerializer());
  }

  static void produce(String bootstrap, String topic, int count) throws Exception {
    try (KafkaProducer<String, String> producer = producer(bootstrap)) {
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(topic, "key-" + (i % 7), "value-" + i));
      }
      producer.flush();
      producer.send(new ProducerRecord<>(topic, "key-last", "value-last")).get(10, TimeUnit.SECONDS);
    }
  }

  /** Sends one record until the broker accepts it; returns the time until then. */
  static Duration firstAcceptedWrite(String bootstrap, String topic, Duration limit)
      throws InterruptedException {
    long start = System.nanoTime();
    try (KafkaProducer<String, String> producer = producer(bootstrap)) {
      while (System.nanoTime() - start < limit.toNanos()) {
        try {
          producer.send(new ProducerRecord<>(topic, "probe", "probe")).get(3, TimeUnit.SECONDS);
          return Duration.ofNanos(System.nanoTime() - start);
        } catch (ExecutionException | TimeoutException e) {
          Thread.sleep(20);
        }
      }
    }
    throw new AssertionError("no write accepted within " + limit);
  }

  static List<String> consumeAll(String bootstrap, String topic, int expected, Duration limit) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + limit.toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}
