package dev.chaosharness.core.history;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as the harness observed it on a saga topic: where it was (topic, partition,
 * offset, key), what its envelope said, and when the harness saw it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param topic the Kafka topic
 * @param partition the partition within the topic, {@code >= 0}
 * @param offset the offset within the partition, {@code >= 0}
 * @param key the Kafka record key
 * @param eventId the envelope's event id
 * @param type the envelope's event type, for example {@code OrderCreated}
 * @param orderId the envelope's order id
 * @param occurredAt when the producing service says the event happened
 * @param causationId the event id of the event that caused this one; {@code null} for a start
 * @param synthetic whether the event belongs to synthetic traffic
 * @param traceId the W3C trace id from the record headers; {@code null} when absent
 * @param observedAt when the harness consumed the event
 */
public record RecordedEvent(
    String topic,
    int partition,
    long offset,
    String key,
    UUID eventId,
    String type,
    String orderId,
    Instant occurredAt,
    UUID causationId,
    boolean synthetic,
    String traceId,
    Instant observedAt) {

  /** Validates every field; only {@code causationId} and {@code traceId} may be null. */
  public RecordedEvent {
    requireText(topic, "topic");
    requireText(type, "type");
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(orderId, "orderId must not be null");
    Objects.requireNonNull(eventId, "eventId must not be null");
    Objects.requireNonNull(occurredAt, "occurredAt must not be null");
    Objects.requireNonNull(observedAt, "observedAt must not be null");
    if (partition < 0) {
      throw new IllegalArgumentException("partition must be >= 0, but was " + partition);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, but was " + offset);
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty, but was " + value);
    }
  }

  /** Returns where the event was: {@code topic/partition@offset}. */
  public String position() {
    return topic + "/" + partition + "@" + offset;
  }
}
