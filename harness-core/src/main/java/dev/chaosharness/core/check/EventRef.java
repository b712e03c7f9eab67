package dev.chaosharness.core.check;

import dev.chaosharness.core.history.EventHistory;
import java.util.Objects;
import java.util.UUID;

/**
 * Evidence: where one event sits in the broker and what it was.
 *
 * <p>Immutable and thread-safe.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the offset within the partition
 * @param type the event type
 * @param eventId the event id
 */
public record EventRef(String topic, int partition, long offset, String type, UUID eventId) {

  /** Validates that no field is missing. */
  public EventRef {
    Objects.requireNonNull(topic, "topic must not be null");
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(eventId, "eventId must not be null");
  }

  /** Returns a reference to the event at {@code index} of {@code history}. */
  public static EventRef of(EventHistory history, int index) {
    return new EventRef(history.topic(index), history.partition(index), history.offset(index),
        history.type(index), history.eventId(index));
  }

  /** Returns {@code type@topic/partition:offset}, for example {@code OrderCreated@orders.events/0:12}. */
  @Override
  public String toString() {
    return type + "@" + topic + "/" + partition + ":" + offset;
  }
}
