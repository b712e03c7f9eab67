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
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 36; i++) {
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        continue;
      }
      int nibble = nibble(buf[from + i]);
      if (nibble < 0) {
        return false;
      }
      if (i < 19) {
        hi = hi << 4 | nibble;
      } else {
        lo = lo << 4 | nibble;
      }
    }
    into[0] = hi;
    into[1] = lo;
    return true;
  }

  private static int nibble(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
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
