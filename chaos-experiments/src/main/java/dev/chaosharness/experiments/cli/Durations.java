package dev.chaosharness.experiments.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations given on the command line: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or ISO-8601. */
final class Durations {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  static Duration parse(String option, String text) {
    Matcher m = SIMPLE.matcher(text.trim());
    Duration value;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      value = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    } else {
      try {
        value = Duration.parse(text.trim());
      } catch (DateTimeParseException e) {
        throw new UserError(option + " must be a duration such as 500ms, 30s, 2m or PT30S, but was '" + text + "'", e);
      }
    }
    if (value.isZero() || value.isNegative()) {
      throw new UserError(option + " must be positive, but was '" + text + "'");
    }
    return value;
  }
}
