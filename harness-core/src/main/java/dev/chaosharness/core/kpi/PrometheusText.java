package dev.chaosharness.core.kpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the Prometheus text exposition format (version 0.0.4): {@code # TYPE} lines and
 * samples {@code name{label="value",...} value [timestamp]}; {@code # HELP} and other comments
 * are skipped. Stateless and thread-safe.
 */
public final class PrometheusText {

  /**
   * One sample line.
   *
   * @param name the sample name (for a histogram, {@code x_bucket}, {@code x_sum} or {@code x_count})
   * @param labels the labels, in order
   * @param value the value (may be NaN or infinite)
   */
  public record Sample(String name, Map<String, String> labels, double value) {}

  /**
   * A parsed exposition: the samples and the declared type of each metric family.
   *
   * @param samples the samples in order
   * @param types the declared type by family name ({@code counter}, {@code gauge}, {@code histogram}, ...)
   */
  public record Exposition(List<Sample> samples, Map<String, String> types) {

    /** Returns the declared type of {@code family}, or {@code untyped}. */
    public String typeOf(String family) {
      return types.getOrDefault(family, "untyped");
    }
  }

  private PrometheusText() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the line and what is wrong when a line is malformed
   */
  public static Exposition parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new HashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        if (line.startsWith("#")) {
          String[] parts = line.split("\\s+");
          if (parts.length >= 4 && parts[1].equals("TYPE")) {
            types.put(parts[2], parts[3].toLowerCase(Locale.ROOT));
          }
        } else {
          samples.add(new LineParser(line).sample());
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("metrics line " + (i + 1) + ": " + e.getMessage() + " in '" + line + "'", e);
      }
    }
    return new Exposition(samples, types);
  }

  private static final class LineParser {
    private final String line;
    private int pos;

    LineParser(String line) {
      this.line = line;
    }

    Sample sample() {
      String name = name("a metric name");
      Map<String, String> labels = new LinkedHashMap<>();
      if (pos < line.length() && line.charAt(pos) == '{') {
        pos++;
        skipSpace();
        while (pos < line.length() && line.charAt(pos) != '}') {
          String label = name("a label name");
          skipSpace();
          expect('=');
          skipSpace();
          labels.put(label, quoted());
          skipSpace();
          if (pos < line.length() && line.charAt(pos) == ',') {
            pos++;
            skipSpace();
          }
        }
        expect('}');
      }
      skipSpace();
      int end = line.indexOf(' ', pos);
      String value = end < 0 ? line.substring(pos) : line.substring(pos, end);
      return new Sample(name, labels, number(value));
    }

    private String name(String what) {
      int start = pos;
      while (pos < line.length() && (isNameStart(line.charAt(pos)) || (pos > start && Character.isDigit(line.charAt(pos))))) {
        pos++;
      }
      if (pos == start) {
        throw new IllegalArgumentException("expected " + what + " at column " + (pos + 1));
      }
      return line.substring(start, pos);
    }

    private static boolean isNameStart(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    private String quoted() {
      expect('"');
      StringBuilder value = new StringBuilder();
      while (pos < line.length() && line.charAt(pos) != '"') {
        char c = line.charAt(pos++);
        if (c == '\\' && pos < line.length()) {
          char e = line.charAt(pos++);
          value.append(e == 'n' ? '\n' : e);
        } else {
          value.append(c);
        }
      }
      expect('"');
      return value.toString();
    }

    private static double number(String text) {
      switch (text) {
        case "+Inf", "Inf" -> {
          return Double.POSITIVE_INFINITY;
        }
        case "-Inf" -> {
          return Double.NEGATIVE_INFINITY;
        }
        case "NaN" -> {
          return Double.NaN;
        }
        default -> {
          try {
            return Double.parseDouble(text);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, +Inf, -Inf or NaN as the value, but was '" + text + "'", e);
          }
        }
      }
    }

    private void expect(char c) {
      if (pos >= line.length() || line.charAt(pos) != c) {
        throw new IllegalArgumentException("expected '" + c + "' at column " + (pos + 1));
      }
      pos++;
    }

    private void skipSpace() {
      while (pos < line.length() && line.charAt(pos) == ' ') {
        pos++;
      }
    }
  }
}
