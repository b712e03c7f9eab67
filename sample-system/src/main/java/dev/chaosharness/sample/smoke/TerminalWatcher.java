package dev.chaosharness.sample.smoke;

import dev.chaosharness.sample.kit.EventCodec;
import dev.chaosharness.sample.kit.EventEnvelope;
import dev.chaosharness.sample.kit.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches {@code orders.events} from its current end for {@code OrderCompleted} and
 * {@code OrderFailed}, noting when each order's terminal event was seen.
 *
 * <p>Runs its own thread; the terminal map is safe to read from any thread.
 */
final class TerminalWatcher implements AutoCloseable {

  /** An observed outcome. */
  record Terminal(String status, String reason, long seenNanos) {
  }

  private final Map<String, Terminal> terminals = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;

  TerminalWatcher(String bootstrapServers) {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS, Duration.ofSeconds(15)).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    thread = new Thread(this::loop, "smoke-terminal-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    try {
      while (running.get()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
          note(record);
        }
      }
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void note(ConsumerRecord<String, byte[]> record) {
    long now = System.nanoTime();
    EventEnvelope event;
    try {
      event = EventCodec.decode(record.value());
    } catch (IllegalArgumentException e) {
      return;
    }
    if (event.type().equals(Topics.ORDER_COMPLETED) || event.type().equals(Topics.ORDER_FAILED)) {
      String reason = event.payload().hasNonNull("reason") ? event.payload().get("reason").asText() : null;
      terminals.putIfAbsent(event.orderId(),
          new Terminal(event.type().equals(Topics.ORDER_COMPLETED) ? "COMPLETED" : "FAILED", reason, now));
    }
  }

  Terminal terminal(String orderId) {
    return terminals.get(orderId);
  }

  @Override
  public void close() {
    if (running.compareAndSet(true, false)) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
