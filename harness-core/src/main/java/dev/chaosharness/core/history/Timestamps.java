package dev.chaosharness.core.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Epoch microseconds to and from ISO-8601 UTC text ({@code 2026-11-22T01:05:57.123456Z}),
 * with a fast path for the form the history file writes and a general fallback.
 */
final class Timestamps {

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private Timestamps() {}

  static long toMicros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }

  static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  /** Appends {@code micros} as {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ}. */
  static void append(StringBuilder out, long micros) {
    long day = Math.floorDiv(micros, MICROS_PER_DAY);
    long inDay = Math.floorMod(micros, MICROS_PER_DAY);
    long[] ymd = civil(day);
    pad(out, ymd[0], 4).append('-');
    pad(out, ymd[1], 2).append('-');
    pad(out, ymd[2], 2).append('T');
    long seconds = inDay / 1_000_000L;
    pad(out, seconds / 3600, 2).append(':');
    pad(out, seconds / 60 % 60, 2).append(':');
    pad(out, seconds % 60, 2).append('.');
    pad(out, inDay % 1_000_000L, 6).append('Z');
  }

  private static StringBuilder pad(StringBuilder out, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }

  /**
   * Parses ISO-8601 text in {@code buf[from, to)} to epoch micros.
   *
   * @throws IllegalArgumentException when the text is not an ISO-8601 instant with an offset
   */
  static long parse(byte[] buf, int from, int to) {
    int len = to - from;
    if (len >= 20 && buf[to - 1] == 'Z' && buf[from + 4] == '-' && buf[from + 7] == '-'
        && buf[from + 10] == 'T' && buf[from + 13] == ':' && buf[from + 16] == ':') {
      long fast = fast(buf, from, to);
      if (fast != Long.MIN_VALUE) {
        return fast;
      }
    }
    String text = new String(buf, from, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    try {
      return toMicros(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "expected an ISO-8601 time with offset such as 2026-01-31T12:00:00.000001Z, but was '" + text + "'", e);
    }
  }

  private static long fast(byte[] b, int from, int to) {
    long year = digits(b, from, 4);
    long month = digits(b, from + 5, 2);
    long dom = digits(b, from + 8, 2);
    long hour = digits(b, from + 11, 2);
    long minute = digits(b, from + 14, 2);
    long second = digits(b, from + 17, 2);
    if ((year | month | dom | hour | minute | second) < 0
        || month < 1 || month > 12 || dom < 1 || dom > 31 || hour > 23 || minute > 59 || second > 59) {
      return Long.MIN_VALUE;
    }
    long fraction = 0;
    int i = from + 19;
    if (i < to - 1) {
      if (b[i] != '.' || to - 1 - (i + 1) > 9 || to - 1 == i + 1) {
        return Long.MIN_VALUE;
      }
      int scale = 0;
      for (i++; i < to - 1; i++, scale++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          return Long.MIN_VALUE;
        }
        fraction = fraction * 10 + d;
      }
      for (; scale < 6; scale++) {
        fraction *= 10;
      }
      for (; scale > 6; scale--) {
        fraction /= 10;
      }
    }
    long day = epochDay(year, month, dom);
    return day * MICROS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1_000_000L + fraction;
  }

  private static long digits(byte[] b, int from, int count) {
    long value = 0;
    for (int i = from; i < from + count; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
  static long epochDay(long y, long m, long d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  private static long[] civil(long z) {
    z += 719468;
    long era = Math.floorDiv(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    return new long[] {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
  }
}
