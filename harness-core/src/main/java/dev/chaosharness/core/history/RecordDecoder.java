package dev.chaosharness.core.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Turns one Kafka record of a saga topic (the JSON event envelope, see docs/sample-system.md)
 * into a {@link RecordedEvent}, reading only the envelope fields (the payload is skipped).
 * Stateless and thread-safe.
 */
final class RecordDecoder {

  private static final JsonFactory JSON = new JsonFactory();

  private RecordDecoder() {}

  /** A record that is not a valid envelope; says which field is wrong. */
  static final class BadEnvelope extends Exception {
    private static final long serialVersionUID = 1L;

    BadEnvelope(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static RecordedEvent decode(String topic, int partition, long offset, String key, byte[] value,
      byte[] traceparent, Instant observedAt) throws BadEnvelope {
    if (value == null) {
      throw new BadEnvelope("the record has no value (a tombstone), not an event envelope", null);
    }
    String eventId = null;
    String type = null;
    String orderId = null;
    String occurredAt = null;
    String causationId = null;
    boolean synthetic = false;
    try (JsonParser parser = JSON.createParser(value)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new BadEnvelope("the value is not a JSON object", null);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken token = parser.nextToken();
        switch (field) {
          case "eventId" -> eventId = text(parser, token);
          case "type" -> type = text(parser, token);
          case "orderId" -> orderId = text(parser, token);
          case "occurredAt" -> occurredAt = text(parser, token);
          case "causationId" -> causationId = text(parser, token);
          case "synthetic" -> synthetic = token == JsonToken.VALUE_TRUE;
          default -> parser.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new BadEnvelope("the value is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    return new RecordedEvent(topic, partition, offset, key == null ? require(orderId, "orderId") : key,
        uuid(require(eventId, "eventId"), "eventId"), require(type, "type"), require(orderId, "orderId"),
        time(require(occurredAt, "occurredAt")), causationId == null ? null : uuid(causationId, "causationId"),
        synthetic, traceId(traceparent), observedAt);
  }

  private static String text(JsonParser parser, JsonToken token) throws IOException {
    return token == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
  }

  private static String require(String value, String field) throws BadEnvelope {
    if (value == null || value.isEmpty()) {
      throw new BadEnvelope("field '" + field + "' is missing", null);
    }
    return value;
  }

  private static UUID uuid(String text, String field) throws BadEnvelope {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new BadEnvelope("field '" + field + "' is not a UUID: '" + text + "'", e);
    }
  }

  private static Instant time(String text) throws BadEnvelope {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadEnvelope("field 'occurredAt' is not an ISO-8601 time with offset: '" + text + "'", e);
    }
  }

  /** Returns the trace id of a W3C {@code traceparent} header ({@code 00-<trace>-<span>-<flags>}), or null. */
  static String traceId(byte[] traceparent) {
    if (traceparent == null) {
      return null;
    }
    String text = new String(traceparent, StandardCharsets.US_ASCII);
    String[] parts = text.split("-");
    return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
  }
}
