package dev.chaosharness.core.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a traffic log line the way {@link TrafficLog#format} writes it (a flat JSON object of
 * strings, integers, booleans and nulls) without building a JSON tree: the driver tails every line
 * of a run while the run goes on, on the same machine.
 *
 * <p>It only answers for lines it understands completely; for anything else (a nested value, a
 * decimal, a field of the wrong type, bad JSON) it answers {@code null} and the caller reads the
 * line with a full JSON parser, which also names what is wrong. Stateless and thread-safe.
 */
final class TrafficLineParser {

  /** A JSON number that is not an integer: left to the full parser. */
  private static final Object UNSUPPORTED = new Object();
  /** A JSON null, told apart from an absent field while scanning. */
  private static final Object NULL = new Object();

  private TrafficLineParser() {}

  /** The record on {@code line}, or {@code null} when the line is anything but a plain, valid record. */
  static TrafficRecord tryParse(String line) {
    Map<String, Object> fields = fields(line);
    if (fields == null) {
      return null;
    }
    try {
      String intended = string(fields, "intended");
      String sent = string(fields, "sent");
      String request = string(fields, "request");
      String outcome = string(fields, "outcome");
      Long latency = integer(fields, "latencyMs");
      Object user = fields.get("user");
      Object status = fields.get("status");
      if (intended == null || sent == null || request == null || outcome == null || latency == null
          || !(user == null || user instanceof Long) || !(status == null || status instanceof Long)
          || !optional(fields, "orderId") || !optional(fields, "orderStatus") || !optional(fields, "expectedPath")) {
        return null;
      }
      long statusCode = status == null ? 0 : (Long) status;
      if (statusCode != (int) statusCode) {
        return null;
      }
      return new TrafficRecord(IsoInstant.parse(intended), IsoInstant.parse(sent), request,
          user == null ? 0 : (Long) user, (String) fields.get("orderId"), (int) statusCode,
          Duration.ofMillis(latency), RequestOutcome.ofLabel(outcome), (String) fields.get("orderStatus"),
          (String) fields.get("expectedPath"));
    } catch (RuntimeException e) {
      return null; // the full parser says what is wrong
    }
  }

  private static String string(Map<String, Object> fields, String name) {
    return fields.get(name) instanceof String s ? s : null;
  }

  private static Long integer(Map<String, Object> fields, String name) {
    return fields.get(name) instanceof Long l ? l : null;
  }

  private static boolean optional(Map<String, Object> fields, String name) {
    Object value = fields.get(name);
    return value == null || value instanceof String;
  }

  /** The object's fields (strings, Longs, Booleans, nulls, UNSUPPORTED), or null when it is not a flat object. */
  private static Map<String, Object> fields(String s) {
    Map<String, Object> fields = new HashMap<>(16);
    int[] at = {skipSpace(s, 0)};
    if (at[0] >= s.length() || s.charAt(at[0]) != '{') {
      return null;
    }
    at[0] = skipSpace(s, at[0] + 1);
    if (at[0] < s.length() && s.charAt(at[0]) == '}') {
      return end(s, at[0] + 1) ? fields : null;
    }
    while (true) {
      String key = string(s, at);
      if (key == null) {
        return null;
      }
      at[0] = skipSpace(s, at[0]);
      if (at[0] >= s.length() || s.charAt(at[0]) != ':') {
        return null;
      }
      at[0] = skipSpace(s, at[0] + 1);
      if (at[0] >= s.length()) {
        return null;
      }
      Object value = value(s, at);
      if (value == UNSUPPORTED) {
        return null;
      }
      fields.put(key, value == NULL ? null : value);
      at[0] = skipSpace(s, at[0]);
      if (at[0] >= s.length()) {
        return null;
      }
      char c = s.charAt(at[0]);
      if (c == '}') {
        return end(s, at[0] + 1) ? fields : null;
      }
      if (c != ',') {
        return null;
      }
      at[0] = skipSpace(s, at[0] + 1);
    }
  }

  private static Object value(String s, int[] at) {
    char c = s.charAt(at[0]);
    if (c == '"') {
      String value = string(s, at);
      return value == null ? UNSUPPORTED : value;
    }
    if (s.startsWith("true", at[0]) || s.startsWith("null", at[0])) {
      at[0] += 4;
      return c == 't' ? Boolean.TRUE : NULL;
    }
    if (s.startsWith("false", at[0])) {
      at[0] += 5;
      return Boolean.FALSE;
    }
    int start = at[0];
    int i = c == '-' ? start + 1 : start;
    int digitsFrom = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    int digits = i - digitsFrom;
    boolean leadingZero = digits > 1 && s.charAt(digitsFrom) == '0';
    if (digits == 0 || digits > 18 || leadingZero || i < s.length() && ".eE".indexOf(s.charAt(i)) >= 0) {
      return UNSUPPORTED;
    }
    at[0] = i;
    return Long.parseLong(s, start, i, 10);
  }

  /** The JSON string starting at {@code at[0]} (a quote), moving past it; null when malformed. */
  private static String string(String s, int[] at) {
    int i = at[0];
    if (i >= s.length() || s.charAt(i) != '"') {
      return null;
    }
    int start = ++i;
    while (i < s.length() && s.charAt(i) != '"' && s.charAt(i) != '\\' && s.charAt(i) >= 0x20) {
      i++;
    }
    if (i < s.length() && s.charAt(i) == '"') {
      at[0] = i + 1;
      return s.substring(start, i);
    }
    StringBuilder b = new StringBuilder(s.length() - start).append(s, start, i);
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        at[0] = i;
        return b.toString();
      }
      if (c < 0x20) {
        return null;
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i >= s.length()) {
        return null;
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          int code = 0;
          for (int k = 0; k < 4; k++) {
            int digit = i < s.length() ? Character.digit(s.charAt(i++), 16) : -1;
            if (digit < 0) {
              return null;
            }
            code = code * 16 + digit;
          }
          b.append((char) code);
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }

  private static boolean end(String s, int from) {
    return skipSpace(s, from) == s.length();
  }

  private static int skipSpace(String s, int from) {
    int i = from;
    while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }
}
