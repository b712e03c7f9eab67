package dev.chaosharness.core.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The traffic log format: one JSON object per line per synthetic request (see
 * {@code docs/traffic.md}).
 *
 * <pre>{@code
 * {"intended":"2026-01-01T00:00:00.020Z","sent":"2026-01-01T00:00:00.021Z","request":"place-order",
 *  "user":1,"orderId":"7b1e...","status":201,"latencyMs":12,"outcome":"ok",
 *  "expectedPath":"COMPLETED","synthetic":true}
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class TrafficLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrafficLog() {}

  /** Formats one record as a single JSON line, without the line break. */
  public static String format(TrafficRecord r) {
    StringBuilder s = new StringBuilder(256);
    s.append("{\"intended\":\"");
    IsoInstant.append(s, r.intended());
    s.append("\",\"sent\":\"");
    IsoInstant.append(s, r.sent());
    s.append('"');
    string(s, "request", r.request());
    s.append(",\"user\":").append(r.user());
    if (r.orderId() != null) {
      string(s, "orderId", r.orderId());
    }
    s.append(",\"status\":").append(r.status());
    s.append(",\"latencyMs\":").append(r.latency().toMillis());
    string(s, "outcome", r.outcome().label());
    if (r.orderStatus() != null) {
      string(s, "orderStatus", r.orderStatus());
    }
    if (r.expectedPath() != null) {
      string(s, "expectedPath", r.expectedPath());
    }
    return s.append(",\"synthetic\":true}").toString();
  }

  private static void string(StringBuilder s, String field, String value) {
    s.append(",\"").append(field).append("\":\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    s.append('"');
  }

  /**
   * Parses one line written by {@link #format(TrafficRecord)}.
   *
   * @throws IllegalArgumentException naming the missing or bad field
   */
  public static TrafficRecord parse(String line) {
    TrafficRecord plain = TrafficLineParser.tryParse(line);
    return plain != null ? plain : parseTree(line);
  }

  /** Parses one line with a full JSON parser: the path for lines the plain reader leaves. */
  static TrafficRecord parseTree(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("traffic log line is not JSON: " + abbreviate(line), e);
    }
    try {
      return new TrafficRecord(
          Instant.parse(text(node, "intended")),
          Instant.parse(text(node, "sent")),
          text(node, "request"),
          node.path("user").asLong(),
          optional(node, "orderId"),
          node.path("status").asInt(),
          Duration.ofMillis(number(node, "latencyMs")),
          RequestOutcome.ofLabel(text(node, "outcome")),
          optional(node, "orderStatus"),
          optional(node, "expectedPath"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "traffic log line is not a traffic record (" + e.getMessage() + "): " + abbreviate(line), e);
    }
  }

  /**
   * Returns the order ids the system accepted: place-order arrivals answered 2xx with an order
   * id, in log order; empty when the file does not exist (a run without place-order traffic).
   */
  public static Set<String> acceptedOrders(Path file) {
    Set<String> ids = new LinkedHashSet<>();
    if (!Files.exists(file)) {
      return ids;
    }
    for (TrafficRecord r : read(file)) {
      if (r.isArrival() && r.orderId() != null && r.status() >= 200 && r.status() < 300) {
        ids.add(r.orderId());
      }
    }
    return ids;
  }

  /**
   * Reads a whole traffic log; a last line cut short by an interrupted writer is skipped.
   *
   * @throws IllegalArgumentException naming the file and line of any other bad line
   */
  public static List<TrafficRecord> read(Path file) {
    List<TrafficRecord> records = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      String pending = null;
      while ((line = reader.readLine()) != null) {
        number++;
        if (pending != null) {
          records.add(parseAt(file, number - 1, pending));
        }
        pending = line.isBlank() ? null : line;
      }
      if (pending != null) {
        try {
          records.add(parse(pending));
        } catch (IllegalArgumentException cutShort) {
          // the writer was stopped mid-line; the records before it stand
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read traffic log " + file + ": " + e.getMessage(), e);
    }
    return records;
  }

  private static TrafficRecord parseAt(Path file, int number, String line) {
    try {
      return parse(line);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ":" + number + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string");
    }
    return value.asText();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException("field '" + field + "' must be a number");
    }
    return value.asLong();
  }

  private static String optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String abbreviate(String line) {
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }
}
