package dev.chaosharness.core.history;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns strings to dense int ids, looked up from a {@code String} or straight from ASCII
 * bytes without allocating. Open addressing over an int table; not thread-safe.
 */
final class StringTable {

  private String[] strings;
  private byte[][] bytes; // ASCII bytes of each string, null when not ASCII
  private int[] slots; // id + 1, 0 = empty
  private int size;

  StringTable(int expectedStrings) {
    int capacity = Math.max(64, expectedStrings);
    strings = new String[capacity];
    bytes = new byte[capacity][];
    slots = new int[Integer.highestOneBit(capacity * 2 - 1) << 1];
  }

  int size() {
    return size;
  }

  String get(int id) {
    return strings[id];
  }

  /** Returns the id of {@code value}, or -1 when it was never interned. */
  int find(String value) {
    int mask = slots.length - 1;
    for (int slot = mix(value.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      if (strings[entry - 1].equals(value)) {
        return entry - 1;
      }
    }
  }

  int intern(String value) {
    int mask = slots.length - 1;
    int slot = mix(value.hashCode()) & mask;
    for (; slots[slot] != 0; slot = (slot + 1) & mask) {
      if (strings[slots[slot] - 1].equals(value)) {
        return slots[slot] - 1;
      }
    }
    return add(value, slot);
  }

  /** Interns the UTF-8 bytes {@code [from, to)} of {@code buf}. */
  int intern(byte[] buf, int from, int to) {
    int hash = 0;
    for (int i = from; i < to; i++) {
      byte b = buf[i];
      if (b < 0) {
        return intern(new String(buf, from, to - from, StandardCharsets.UTF_8));
      }
      hash = 31 * hash + b;
    }
    int mask = slots.length - 1;
    int slot = mix(hash) & mask;
    for (; slots[slot] != 0; slot = (slot + 1) & mask) {
      byte[] known = bytes[slots[slot] - 1];
      if (known != null && Arrays.equals(known, 0, known.length, buf, from, to)) {
        return slots[slot] - 1;
      }
    }
    return add(new String(buf, from, to - from, StandardCharsets.ISO_8859_1), slot);
  }

  private int add(String value, int slot) {
    if (size == strings.length) {
      strings = Arrays.copyOf(strings, size * 2);
      bytes = Arrays.copyOf(bytes, size * 2);
    }
    strings[size] = value;
    bytes[size] = ascii(value) ? value.getBytes(StandardCharsets.US_ASCII) : null;
    slots[slot] = ++size;
    if (size * 2 > slots.length) {
      rehash();
    }
    return size - 1;
  }

  private static boolean ascii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = mix(strings[id].hashCode()) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id + 1;
    }
  }

  private static int mix(int hash) {
    return hash ^ (hash >>> 16) * 0x85EBCA6B;
  }

  /** Estimates the bytes held: the tables plus each string (header, array, chars). */
  long estimatedBytes() {
    long total = 16L + strings.length * 8L + 16L + bytes.length * 8L + 16L + slots.length * 4L;
    for (int i = 0; i < size; i++) {
      total += 24 + 2 * (16 + align(strings[i].length()));
    }
    return total;
  }

  private static long align(int n) {
    return (n + 7) & ~7L;
  }
}
