package dev.chaosharness.core.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Formats numbers, durations and instants the same way everywhere in the report. Stateless and thread-safe. */
final class Format {

  private Format() {}

  /** Returns {@code d} in seconds with one decimal, for example {@code 12.3 s}; minutes past 10 minutes. */
  static String duration(Duration d) {
    double seconds = d.toMillis() / 1000.0;
    if (Math.abs(seconds) >= 600) {
      long total = d.toSeconds();
      return String.format(Locale.ROOT, "%d min %02d s", total / 60, Math.abs(total % 60));
    }
    return String.format(Locale.ROOT, "%.1f s", seconds);
  }

  /** Returns the offset of {@code at} from {@code origin}, for example {@code +12.3 s} or {@code -1.0 s}. */
  static String offset(Instant origin, Instant at) {
    Duration d = Duration.between(origin, at);
    return (d.isNegative() ? "" : "+") + duration(d);
  }

  /** Returns a tick label: whole seconds from {@code origin}, for example {@code +30 s}, or {@code +12 min 30 s}. */
  static String tick(Instant origin, Instant at) {
    long seconds = Math.round(Duration.between(origin, at).toMillis() / 1000.0);
    String sign = seconds < 0 ? "-" : "+";
    long abs = Math.abs(seconds);
    if (abs < 600) {
      return sign + abs + " s";
    }
    return sign + abs / 60 + " min" + (abs % 60 == 0 ? "" : " " + abs % 60 + " s");
  }

  /** Returns {@code at} in ISO-8601 UTC, to the millisecond. */
  static String instant(Instant at) {
    return at.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** Returns {@code value} with up to {@code decimals} decimals, or {@code n/a} when it is NaN or infinite. */
  static String number(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** Returns a ratio as a percentage with one decimal, for example {@code 99.5 %}. */
  static String percent(double ratio) {
    return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.1f %%", ratio * 100) : "n/a";
  }

  /** Returns an SVG coordinate: at most one decimal, no exponent. */
  static String coord(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
