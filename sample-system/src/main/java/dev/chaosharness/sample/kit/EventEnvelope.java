package dev.chaosharness.sample.kit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The event envelope of the contract: every saga event on every topic has this shape.
 *
 * <p>Immutable apart from the payload node, which callers must not change after construction.
 *
 * @param eventId unique id, the inbox dedupe key
 * @param type the event type, e.g. {@code OrderCreated}
 * @param orderId the saga key and the Kafka record key
 * @param occurredAt when the event happened
 * @param source the service that emitted it
 * @param causationId the id of the event that caused it; null only for a saga's first event
 * @param synthetic whether the order is synthetic traffic
 * @param payload the type-specific body
 */
public record EventEnvelope(
    UUID eventId,
    String type,
    String orderId,
    Instant occurredAt,
    String source,
    UUID causationId,
    boolean synthetic,
    ObjectNode payload) {

  /** Validates the required fields. */
  public EventEnvelope {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    requireText(type, "type");
    requireText(orderId, "orderId");
    requireText(source, "source");
    Objects.requireNonNull(payload, "payload");
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("event field '" + field + "' must be non-blank, but was '" + value + "'");
    }
  }

  /**
   * Creates the event that {@code this} causes: same order and synthetic flag, causation = this.
   *
   * @param newId the new event's id
   * @param newType its type
   * @param at when it happened
   * @param newSource the emitting service
   * @param newPayload its body
   * @return the caused event
   */
  public EventEnvelope cause(UUID newId, String newType, Instant at, String newSource, ObjectNode newPayload) {
    return new EventEnvelope(newId, newType, orderId, at, newSource, eventId, synthetic, newPayload);
  }
}
