package dev.chaosharness.core.history;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte searches that look at eight bytes per step (SWAR), for the history file reader. */
final class Bytes {

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  private Bytes() {}

  /** Returns the index of the first {@code '\n'} in {@code buf[from, to)}, or -1. */
  static int indexOfNewline(byte[] buf, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long found = zeroBytes((long) LONGS.get(buf, i) ^ NEWLINES);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Returns the index of the first {@code '"'} or {@code '\\'} in {@code buf[from, to)}, or -1. */
  static int indexOfQuoteOrBackslash(byte[] buf, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long word = (long) LONGS.get(buf, i);
      long found = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (buf[i] == '"' || buf[i] == '\\') {
        return i;
      }
    }
    return -1;
  }

  /** Marks (high bit) the zero bytes of {@code x}; exact for the lowest zero byte, which is all callers use. */
  private static long zeroBytes(long x) {
    return (x - ONES) & ~x & HIGHS;
  }
}
