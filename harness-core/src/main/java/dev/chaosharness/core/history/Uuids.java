package dev.chaosharness.core.history;

/** UUIDs as two longs: parsing from and formatting to the canonical 36-character form. */
final class Uuids {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Uuids() {}

  /**
   * Parses the canonical form in {@code buf[from, from + 36)} into {@code into[0]} (most
   * significant bits) and {@code into[1]}; returns false when it is not a canonical UUID.
   */
  static boolean parse(byte[] buf, int from, int to, long[] into) {
    if (to - from != 36 || buf[from + 8] != '-' || buf[from + 13] != '-'
        || buf[from + 18] != '-' || buf[from + 23] != '-') {
      return false;
    }
    long a = hex(buf, from, 8);
    long b = hex(buf, from + 9, 4);
    long c = hex(buf, from + 14, 4);
    long d = hex(buf, from + 19, 4);
    long e = hex(buf, from + 24, 12);
    if ((a | b | c | d | e) < 0) {
      return false;
    }
    into[0] = a << 32 | b << 16 | c;
    into[1] = d << 48 | e;
    return true;
  }

  /** Returns the value of {@code count} hex digits, or a negative number when one is not hex. */
  private static long hex(byte[] buf, int from, int count) {
    long value = 0;
    int bad = 0;
    for (int i = from; i < from + count; i++) {
      int nibble = NIBBLE[buf[i] & 0xFF];
      bad |= nibble;
      value = value << 4 | (nibble & 0xF);
    }
    return bad < 0 ? -1 : value;
  }

  private static final int[] NIBBLE = new int[256];

  static {
    java.util.Arrays.fill(NIBBLE, -1);
    for (int i = 0; i < 10; i++) {
      NIBBLE['0' + i] = i;
    }
    for (int i = 0; i < 6; i++) {
      NIBBLE['a' + i] = 10 + i;
      NIBBLE['A' + i] = 10 + i;
    }
  }

  static void append(StringBuilder out, long hi, long lo) {
    hex(out, hi >>> 32, 8).append('-');
    hex(out, hi >>> 16, 4).append('-');
    hex(out, hi, 4).append('-');
    hex(out, lo >>> 48, 4).append('-');
    hex(out, lo, 12);
  }

  private static StringBuilder hex(StringBuilder out, long value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX[(int) (value >>> shift) & 0xF]);
    }
    return out;
  }
}
