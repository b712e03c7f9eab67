package dev.chaosharness.sample.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Encodes and decodes {@link EventEnvelope}s as the contract's JSON.
 *
 * <p>Thread-safe.
 */
public final class EventCodec {

  /** The one shared JSON mapper of the sample services. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private EventCodec() {
  }

  /**
   * Encodes an event as UTF-8 JSON.
   *
   * @param event the event
   * @return the bytes
   */
  public static byte[] encode(EventEnvelope event) {
    return toJson(event).toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns an event as a JSON tree.
   *
   * @param event the event
   * @return the tree
   */
  public static ObjectNode toJson(EventEnvelope event) {
    ObjectNode node = JSON.createObjectNode();
    node.put("eventId", event.eventId().toString());
    node.put("type", event.type());
    node.put("orderId", event.orderId());
    node.put("occurredAt", event.occurredAt().toString());
    node.put("source", event.source());
    if (event.causationId() == null) {
      node.putNull("causationId");
    } else {
      node.put("causationId", event.causationId().toString());
    }
    node.put("synthetic", event.synthetic());
    node.set("payload", event.payload());
    return node;
  }

  /**
   * Decodes an event.
   *
   * @param bytes UTF-8 JSON
   * @return the event
   * @throws IllegalArgumentException naming the field when the bytes are not a valid envelope
   */
  public static EventEnvelope decode(byte[] bytes) {
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("event is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("event could not be read: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("event must be a JSON object, but was " + (node == null ? "empty" : node.getNodeType()));
    }
    JsonNode payload = node.get("payload");
    if (payload == null || !payload.isObject()) {
      throw new IllegalArgumentException("event field 'payload' must be an object");
    }
    JsonNode causation = node.get("causationId");
    return new EventEnvelope(
        uuid(node, "eventId"),
        text(node, "type"),
        text(node, "orderId"),
        instant(node),
        text(node, "source"),
        causation == null || causation.isNull() ? null : uuid(node, "causationId"),
        node.path("synthetic").asBoolean(false),
        (ObjectNode) payload);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("event field '" + field + "' must be a string");
    }
    return value.asText();
  }

  private static UUID uuid(JsonNode node, String field) {
    String text = text(node, field);
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("event field '" + field + "' must be a UUID, but was '" + text + "'", e);
    }
  }

  private static Instant instant(JsonNode node) {
    String text = text(node, "occurredAt");
    try {
      return UtcInstants.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("event field 'occurredAt' must be ISO-8601, but was '" + text + "'", e);
    }
  }
}
