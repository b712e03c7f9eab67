package dev.chaosharness.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers of {@link Tolerance}: numbers and a small JSON path subset ({@code $.a.b[0].c}). */
final class Tolerances {

  private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]|\\['([^']+)']");

  private Tolerances() {}

  static boolean sameNumber(Object expected, Object actual) {
    double a = toNumber(expected);
    double b = toNumber(actual);
    return !Double.isNaN(a) && !Double.isNaN(b) && Math.abs(a - b) < 1e-9;
  }

  static double toNumber(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%s", value);
  }

  /** Whether {@code path} is in the supported subset. */
  static boolean validPath(String path) {
    if (!path.startsWith("$")) {
      return false;
    }
    String rest = path.substring(1);
    Matcher m = SEGMENT.matcher(rest);
    int at = 0;
    while (m.find()) {
      if (m.start() != at) {
        return false;
      }
      at = m.end();
    }
    return at == rest.length();
  }

  static JsonNode at(JsonNode root, String path) {
    Matcher m = SEGMENT.matcher(path.substring(1));
    JsonNode node = root;
    while (m.find() && node != null) {
      if (m.group(1) != null) {
        node = node.get(m.group(1));
      } else if (m.group(2) != null) {
        node = node.get(Integer.parseInt(m.group(2)));
      } else {
        node = node.get(m.group(3));
      }
    }
    return node;
  }
}
