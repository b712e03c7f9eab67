package dev.chaosharness.sample.saga;

import dev.chaosharness.sample.kit.EventCodec;
import dev.chaosharness.sample.kit.EventEnvelope;
import dev.chaosharness.sample.kit.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** An observer that reads every saga topic and fault topic from the start, as the harness would. */
final class EventLog implements AutoCloseable {

  /** One observed record. */
  record Observed(String topic, int partition, long offset, String key, byte[] value, String traceparent,
      EventEnvelope event) {
  }

  private final List<Observed> records = new CopyOnWriteArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;

  EventLog(String bootstrap) {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "test-observer",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    List<String> topics = new ArrayList<>(Topics.ALL);
    Topics.ALL.forEach(t -> topics.add(Topics.faults(t)));
    consumer.subscribe(topics);
    thread = new Thread(this::loop, "event-log");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running.get()) {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
        Header tp = r.headers().lastHeader("traceparent");
        EventEnvelope event = null;
        if (!r.topic().endsWith(".faults")) {
          try {
            event = EventCodec.decode(r.value());
          } catch (IllegalArgumentException e) {
            event = null;
          }
        }
        records.add(new Observed(r.topic(), r.partition(), r.offset(), r.key(), r.value(),
            tp == null ? null : new String(tp.value(), StandardCharsets.UTF_8), event));
      }
    }
    consumer.close();
  }

  List<Observed> forOrder(String orderId) {
    return records.stream().filter(r -> orderId.equals(r.key())).toList();
  }

  List<EventEnvelope> events(String orderId) {
    return forOrder(orderId).stream().map(Observed::event).filter(e -> e != null).toList();
  }

  List<String> types(String orderId) {
    return events(orderId).stream().map(EventEnvelope::type).toList();
  }

  Stream<Observed> all() {
    return records.stream();
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(5_000);
  }
}
