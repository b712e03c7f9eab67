package dev.chaosharness.sample.kit;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends poison events to {@code <topic>.faults}: the original key and value, with the headers
 * {@code error} (the message) and {@code source} ({@code topic-partition@offset}).
 *
 * <p>Thread-safe.
 */
final class FaultTopic {

  private static final Logger log = LoggerFactory.getLogger(FaultTopic.class);

  private final Producer<String, byte[]> producer;
  private final ServiceMetrics metrics;

  FaultTopic(Producer<String, byte[]> producer, ServiceMetrics metrics) {
    this.producer = producer;
    this.metrics = metrics;
  }

  void send(ConsumerRecord<String, byte[]> record, String type, Exception error) {
    String faultTopic = Topics.faults(record.topic());
    log.warn("Poison event at {}-{}@{} ({}) goes to {}", record.topic(), record.partition(), record.offset(), type,
        faultTopic, error);
    ProducerRecord<String, byte[]> fault = new ProducerRecord<>(faultTopic, record.key(), record.value());
    fault.headers().add("error", String.valueOf(error.getMessage()).getBytes(StandardCharsets.UTF_8));
    fault.headers().add("source", (record.topic() + "-" + record.partition() + "@" + record.offset())
        .getBytes(StandardCharsets.UTF_8));
    try {
      producer.send(fault).get();
    } catch (Exception e) {
      log.warn("Could not send the poison event to {}; it is dropped", faultTopic, e);
    }
    metrics.fault(record.topic());
    metrics.consumed(type, "fault");
  }
}
