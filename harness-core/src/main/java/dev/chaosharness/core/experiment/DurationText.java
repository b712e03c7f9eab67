package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints the durations of experiment files: {@code 800ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 1h}. */
final class DurationText {

  private static final Pattern DURATION = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

  private DurationText() {}

  static Duration parse(String text) {
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a duration like 10s, 800ms or 2m, but was '" + text + "'");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = switch (unit) {
      case "ms" -> amount;
      case "m" -> amount * 60_000;
      case "h" -> amount * 3_600_000;
      default -> amount * 1000;
    };
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  static Duration ofSeconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  /** Prints {@code 800ms}, {@code 10s}, {@code 1.5s}. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (Math.abs(millis) < 1000) {
      return millis + "ms";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
  }
}
