package dev.chaosharness.core.traffic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Writes and reads instants in the exact text of {@link Instant#toString()} (ISO-8601 in UTC,
 * for example {@code 2026-01-01T10:00:00.020Z}) without a {@code DateTimeFormatter}: the traffic
 * log holds two per request, and at tens of thousands of requests per second the formatter was
 * the largest cost of writing and of tailing the log.
 *
 * <p>Years outside 0000..9999 and any other ISO-8601 spelling go through {@link Instant}'s own
 * formatter and parser, so the results are always the same as theirs. Stateless and thread-safe.
 */
final class IsoInstant {

  private static final long SECONDS_PER_DAY = 86_400;
  private static final long MIN_FAST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long MAX_FAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  private IsoInstant() {}

  /** Appends {@code instant} to {@code s} exactly as {@link Instant#toString()} spells it. */
  static void append(StringBuilder s, Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < MIN_FAST || seconds > MAX_FAST) {
      s.append(instant);
      return;
    }
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    LocalDate date = LocalDate.ofEpochDay(day);
    digits(s, date.getYear(), 4).append('-');
    digits(s, date.getMonthValue(), 2).append('-');
    digits(s, date.getDayOfMonth(), 2).append('T');
    digits(s, secondOfDay / 3600, 2).append(':');
    digits(s, secondOfDay / 60 % 60, 2).append(':');
    digits(s, secondOfDay % 60, 2);
    int nanos = instant.getNano();
    if (nanos > 0) {
      s.append('.');
      if (nanos % 1_000_000 == 0) {
        digits(s, nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        digits(s, nanos / 1_000, 6);
      } else {
        digits(s, nanos, 9);
      }
    }
    s.append('Z');
  }

  /**
   * Parses what {@link Instant#toString()} writes, and anything else {@link Instant#parse} reads.
   *
   * @throws DateTimeParseException when {@link Instant#parse} cannot read it either
   */
  static Instant parse(String text) {
    Instant fast = parseFast(text);
    return fast != null ? fast : Instant.parse(text);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null for any other text (including invalid dates). */
  private static Instant parseFast(String t) {
    int n = t.length();
    if (n < 20 || n > 30 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
        || t.charAt(16) != ':' || t.charAt(n - 1) != 'Z') {
      return null;
    }
    int year = number(t, 0, 4);
    int month = number(t, 5, 7);
    int day = number(t, 8, 10);
    int hour = number(t, 11, 13);
    int minute = number(t, 14, 16);
    int second = number(t, 17, 19);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      if (t.charAt(19) != '.' || n == 21) {
        return null;
      }
      int fraction = number(t, 20, n - 1);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = n - 1 - 20; i < 9; i++) {
        nanos *= 10;
      }
    } else if (t.charAt(19) != 'Z') {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
  }

  /** The decimal number in {@code t[from, to)}, or -1 when it holds anything but digits. */
  private static int number(String t, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static StringBuilder digits(StringBuilder s, int value, int width) {
    for (int p = pow10(width - 1); p > 1 && value < p; p /= 10) {
      s.append('0');
    }
    return s.append(value);
  }

  private static int pow10(int exponent) {
    int p = 1;
    for (int i = 0; i < exponent; i++) {
      p *= 10;
    }
    return p;
  }
}
