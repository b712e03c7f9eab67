package dev.chaosharness.core.history;

import java.nio.charset.StandardCharsets;

/**
 * Parses one history line (a flat JSON object) straight from bytes into an {@link EventSlot},
 * without building a tree or intermediate strings. Unknown fields are skipped, so newer files
 * stay readable. Not thread-safe: one parser per reader.
 */
final class HistoryLineParser {

  private static final String[] REQUIRED = {
    "topic", "partition", "offset", "key", "eventId", "type", "orderId", "occurredAt", "synthetic", "observedAt"
  };

  private static final String[] FIELDS = {
    "topic", "partition", "offset", "key", "eventId", "type", "orderId", "occurredAt",
    "causationId", "synthetic", "traceId", "observedAt"
  };
  private static final byte[][] FIELD_BYTES = new byte[FIELDS.length][];

  static {
    for (int i = 0; i < FIELDS.length; i++) {
      FIELD_BYTES[i] = FIELDS[i].getBytes(StandardCharsets.US_ASCII);
    }
  }

  private final StringTable strings;
  private int lineStart;
  private final long[] uuid = new long[2];
  private byte[] scratch = new byte[256];
  private byte[] buf;
  private int pos;
  private int end;
  // the current string value, possibly unescaped into scratch
  private byte[] valueBuf;
  private int valueFrom;
  private int valueTo;

  HistoryLineParser(StringTable strings) {
    this.strings = strings;
  }

  void parse(byte[] line, int from, int to, EventSlot slot) throws LineProblem {
    buf = line;
    pos = from;
    lineStart = from;
    end = to;
    slot.reset();
    lastCode = -1;
    lastInternTo = lastInternFrom = 0;
    skipSpace();
    expect('{', null, "a JSON object starting with '{'");
    skipSpace();
    if (peek() == '}') {
      pos++;
    } else {
      do {
        skipSpace();
        int code = fieldCode();
        String name = code < 0 ? unknownName : FIELDS[code];
        skipSpace();
        expect(':', name, "':' after the field name");
        skipSpace();
        field(code, name, slot);
        skipSpace();
      } while (consume(','));
      expect('}', null, "',' or '}' after a field");
    }
    skipSpace();
    if (pos != end) {
      throw new LineProblem(null, "unexpected text after the JSON object: '" + text(pos, end) + "'");
    }
    checkRequired(slot);
  }

  private void field(int code, String name, EventSlot slot) throws LineProblem {
    switch (code) {
      case 0 -> slot.topic = internString(name);
      case 1 -> slot.partition = (int) number(name, Integer.MAX_VALUE);
      case 2 -> slot.offset = number(name, Long.MAX_VALUE);
      case 3 -> slot.key = internString(name);
      case 5 -> slot.type = internString(name);
      case 6 -> slot.orderId = internString(name);
      case 10 -> slot.traceId = nullOr(name) ? -1 : internString(name);
      case 4 -> {
        uuid(name);
        slot.eventIdHi = uuid[0];
        slot.eventIdLo = uuid[1];
        slot.hasEventId = true;
      }
      case 8 -> {
        slot.hasCausation = !nullOr(name);
        if (slot.hasCausation) {
          uuid(name);
          slot.causationHi = uuid[0];
          slot.causationLo = uuid[1];
        }
      }
      case 7 -> slot.occurredAt = time(name);
      case 11 -> slot.observedAt = time(name);
      case 9 -> {
        slot.synthetic = bool(name);
        slot.hasSynthetic = true;
      }
      default -> skipValue(name, 0);
    }
  }

  private void checkRequired(EventSlot s) throws LineProblem {
    if (s.topic < 0 || s.partition < 0 || s.offset < 0 || s.key < 0 || !s.hasEventId || s.type < 0 || s.orderId < 0
        || s.occurredAt == Long.MIN_VALUE || !s.hasSynthetic || s.observedAt == Long.MIN_VALUE) {
      boolean[] present = {
        s.topic >= 0, s.partition >= 0, s.offset >= 0, s.key >= 0, s.hasEventId, s.type >= 0,
        s.orderId >= 0, s.occurredAt != Long.MIN_VALUE, s.hasSynthetic, s.observedAt != Long.MIN_VALUE
      };
      for (int i = 0; i < present.length; i++) {
        if (!present[i]) {
          throw new LineProblem(REQUIRED[i], "missing; every line needs " + String.join(", ", REQUIRED));
        }
      }
    }
  }

  private String unknownName;
  private int lastCode = -1;

  /** Reads a field name; returns its index in FIELDS, or -1 (then unknownName holds it). */
  private int fieldCode() throws LineProblem {
    if (peek() != '"') {
      throw new LineProblem(null, "expected a field name in double quotes at column " + column());
    }
    readString(null);
    int len = valueTo - valueFrom;
    int expected = lastCode + 1;
    if (expected < FIELD_BYTES.length && same(FIELD_BYTES[expected], len)) {
      return lastCode = expected;
    }
    for (int i = 0; i < FIELD_BYTES.length; i++) {
      if (same(FIELD_BYTES[i], len)) {
        return lastCode = i;
      }
    }
    unknownName = new String(valueBuf, valueFrom, len, StandardCharsets.UTF_8);
    return -1;
  }

  private boolean same(byte[] field, int len) {
    if (field.length != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (field[i] != valueBuf[valueFrom + i]) {
        return false;
      }
    }
    return true;
  }

  private String fieldName() throws LineProblem {
    if (peek() != '"') {
      throw new LineProblem(null, "expected a field name in double quotes at column " + column());
    }
    readString(null);
    return new String(valueBuf, valueFrom, valueTo - valueFrom, StandardCharsets.UTF_8);
  }

  private int internString(String name) throws LineProblem {
    if (peek() != '"') {
      throw new LineProblem(name, "expected a string, but was " + valueText());
    }
    readString(name);
    if (valueTo == valueFrom) {
      throw new LineProblem(name, "must not be empty");
    }
    int len = valueTo - valueFrom;
    if (valueBuf == buf && len == lastInternTo - lastInternFrom
        && java.util.Arrays.equals(buf, lastInternFrom, lastInternTo, buf, valueFrom, valueTo)) {
      return lastInternId;
    }
    int id = strings.intern(valueBuf, valueFrom, valueTo);
    if (valueBuf == buf) {
      lastInternFrom = valueFrom;
      lastInternTo = valueTo;
      lastInternId = id;
    }
    return id;
  }

  private int lastInternFrom;
  private int lastInternTo;
  private int lastInternId = -1;

  private void uuid(String name) throws LineProblem {
    if (peek() != '"') {
      throw new LineProblem(name, "expected a UUID string, but was " + valueText());
    }
    if (pos + 37 < end && buf[pos + 37] == '"' && Uuids.parse(buf, pos + 1, pos + 37, uuid)) {
      pos += 38;
      return;
    }
    readString(name);
    if (!Uuids.parse(valueBuf, valueFrom, valueTo, uuid)) {
      throw new LineProblem(name, "expected a UUID such as 123e4567-e89b-12d3-a456-426614174000, but was '"
          + new String(valueBuf, valueFrom, valueTo - valueFrom, StandardCharsets.UTF_8) + "'");
    }
  }

  private long time(String name) throws LineProblem {
    if (peek() != '"') {
      throw new LineProblem(name, "expected an ISO-8601 time string, but was " + valueText());
    }
    readString(name);
    try {
      return Timestamps.parse(valueBuf, valueFrom, valueTo);
    } catch (IllegalArgumentException e) {
      throw new LineProblem(name, e.getMessage(), e);
    }
  }

  private boolean nullOr(String name) {
    if (end - pos >= 4 && buf[pos] == 'n' && buf[pos + 1] == 'u' && buf[pos + 2] == 'l' && buf[pos + 3] == 'l') {
      pos += 4;
      return true;
    }
    return false;
  }

  private boolean bool(String name) throws LineProblem {
    if (end - pos >= 4 && buf[pos] == 't' && buf[pos + 1] == 'r' && buf[pos + 2] == 'u' && buf[pos + 3] == 'e') {
      pos += 4;
      return true;
    }
    if (end - pos >= 5 && buf[pos] == 'f' && buf[pos + 1] == 'a' && buf[pos + 2] == 'l'
        && buf[pos + 3] == 's' && buf[pos + 4] == 'e') {
      pos += 5;
      return false;
    }
    throw new LineProblem(name, "expected true or false, but was " + valueText());
  }

  private long number(String name, long max) throws LineProblem {
    int start = pos;
    long value = 0;
    while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
      if (value > (max - (buf[pos] - '0')) / 10) {
        throw new LineProblem(name, "expected a number within [0, " + max + "], but was " + valueText(start));
      }
      value = value * 10 + (buf[pos++] - '0');
    }
    if (pos == start || (pos < end && (buf[pos] == '.' || buf[pos] == 'e' || buf[pos] == 'E'))) {
      throw new LineProblem(name, "expected a whole number >= 0, but was " + valueText(start));
    }
    return value;
  }

  private void readString(String name) throws LineProblem {
    int start = pos + 1;
    int p = Bytes.indexOfQuoteOrBackslash(buf, start, end);
    if (p < 0) {
      pos = end;
      throw new LineProblem(name, "unterminated string");
    }
    if (buf[p] == '"') {
      valueBuf = buf;
      valueFrom = start;
      valueTo = p;
      pos = p + 1;
      return;
    }
    pos = p;
    readEscaped(start, name);
  }

  private void readEscaped(int start, String name) throws LineProblem {
    int n = 0;
    for (int i = start; i < pos; i++) {
      n = put(n, buf[i]);
    }
    while (pos < end) {
      byte b = buf[pos++];
      if (b == '"') {
        valueBuf = scratch;
        valueFrom = 0;
        valueTo = n;
        return;
      }
      if (b != '\\') {
        n = put(n, b);
        continue;
      }
      if (pos >= end) {
        break;
      }
      byte e = buf[pos++];
      switch (e) {
        case '"', '\\', '/' -> n = put(n, e);
        case 'b' -> n = put(n, (byte) '\b');
        case 'f' -> n = put(n, (byte) '\f');
        case 'n' -> n = put(n, (byte) '\n');
        case 'r' -> n = put(n, (byte) '\r');
        case 't' -> n = put(n, (byte) '\t');
        case 'u' -> n = unicode(n, name);
        default -> throw new LineProblem(name, "invalid escape '\\" + (char) e + "' in a string");
      }
    }
    throw new LineProblem(name, "unterminated string");
  }

  private int unicode(int n, String name) throws LineProblem {
    if (end - pos < 4) {
      throw new LineProblem(name, "incomplete \\u escape in a string");
    }
    String hex = text(pos, pos + 4);
    pos += 4;
    char c;
    try {
      c = (char) Integer.parseInt(hex, 16);
    } catch (NumberFormatException e) {
      throw new LineProblem(name, "invalid \\u escape '\\u" + hex + "' in a string", e);
    }
    for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
      n = put(n, b);
    }
    return n;
  }

  private int put(int n, byte b) {
    if (n == scratch.length) {
      scratch = java.util.Arrays.copyOf(scratch, n * 2);
    }
    scratch[n] = b;
    return n + 1;
  }

  private void skipValue(String name, int depth) throws LineProblem {
    if (depth > 64) {
      throw new LineProblem(name, "nested deeper than 64 levels");
    }
    byte b = peek();
    if (b == '"') {
      readString(name);
    } else if (b == '{' || b == '[') {
      char close = b == '{' ? '}' : ']';
      pos++;
      skipSpace();
      if (consume(close)) {
        return;
      }
      do {
        skipSpace();
        if (b == '{') {
          fieldName();
          skipSpace();
          expect(':', name, "':' after a field name");
          skipSpace();
        }
        skipValue(name, depth + 1);
        skipSpace();
      } while (consume(','));
      expect(close, name, "'" + (char) close + "' closing a nested value");
    } else {
      int start = pos;
      while (pos < end && (Character.isLetterOrDigit(buf[pos]) || buf[pos] == '-' || buf[pos] == '+' || buf[pos] == '.')) {
        pos++;
      }
      if (pos == start) {
        throw new LineProblem(name, "expected a JSON value at column " + column());
      }
    }
  }

  private byte peek() {
    return pos < end ? buf[pos] : 0;
  }

  private boolean consume(char c) {
    if (pos < end && buf[pos] == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c, String field, String what) throws LineProblem {
    if (!consume(c)) {
      throw new LineProblem(field, "expected " + what + " at column " + column()
          + (pos < end ? ", but found '" + (char) buf[pos] + "'" : ", but the line ended"));
    }
  }

  private void skipSpace() {
    while (pos < end && (buf[pos] == ' ' || buf[pos] == '\t' || buf[pos] == '\r')) {
      pos++;
    }
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private String valueText() {
    return valueText(pos);
  }

  private String valueText(int start) {
    int stop = start;
    while (stop < end && buf[stop] != ',' && buf[stop] != '}' && stop - start < 40) {
      stop++;
    }
    return stop == start ? "nothing" : "'" + text(start, stop) + "'";
  }

  private String text(int from, int to) {
    return new String(buf, from, to - from, StandardCharsets.UTF_8);
  }
}
