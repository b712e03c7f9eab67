package dev.chaosharness.core.history;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * The recorded events of a run in observation order, held in columns so that millions of
 * events fit in little memory (about 100 bytes per event for the sample saga).
 *
 * <p>Strings (topics, types, keys, order ids, trace ids) are interned to int ids; UUIDs are
 * two longs; times are epoch microseconds. Checkers read the columns by index; {@link #get}
 * rebuilds one {@link RecordedEvent}.
 *
 * <pre>{@code
 * EventHistory history = new EventHistory();
 * history.append(event);
 * RecordedEvent first = history.get(0);
 * }</pre>
 *
 * <p>Not thread-safe: append from one thread, then publish safely (for example by handing the
 * history to another thread through a concurrent queue or a join) before readers read it.
 */
public final class EventHistory {

  private final StringTable strings;
  private int size;
  private int[] topic;
  private int[] partition;
  private long[] offset;
  private int[] key;
  private int[] type;
  private int[] orderId;
  private int[] traceId; // -1 when absent
  private long[] eventIdHi;
  private long[] eventIdLo;
  private long[] causationHi;
  private long[] causationLo;
  private long[] occurredAt;
  private long[] observedAt;
  private byte[] flags; // bit 0: synthetic, bit 1: has causation

  /** Creates an empty history. */
  public EventHistory() {
    this(1024);
  }

  /** Creates an empty history with room for {@code expectedEvents} before it grows. */
  public EventHistory(int expectedEvents) {
    if (expectedEvents < 0) {
      throw new IllegalArgumentException("expectedEvents must be >= 0, but was " + expectedEvents);
    }
    strings = new StringTable(expectedEvents / 4);
    allocate(Math.max(16, expectedEvents));
  }

  private void allocate(int capacity) {
    topic = Arrays.copyOf(topic == null ? new int[0] : topic, capacity);
    partition = Arrays.copyOf(partition == null ? new int[0] : partition, capacity);
    offset = Arrays.copyOf(offset == null ? new long[0] : offset, capacity);
    key = Arrays.copyOf(key == null ? new int[0] : key, capacity);
    type = Arrays.copyOf(type == null ? new int[0] : type, capacity);
    orderId = Arrays.copyOf(orderId == null ? new int[0] : orderId, capacity);
    traceId = Arrays.copyOf(traceId == null ? new int[0] : traceId, capacity);
    eventIdHi = Arrays.copyOf(eventIdHi == null ? new long[0] : eventIdHi, capacity);
    eventIdLo = Arrays.copyOf(eventIdLo == null ? new long[0] : eventIdLo, capacity);
    causationHi = Arrays.copyOf(causationHi == null ? new long[0] : causationHi, capacity);
    causationLo = Arrays.copyOf(causationLo == null ? new long[0] : causationLo, capacity);
    occurredAt = Arrays.copyOf(occurredAt == null ? new long[0] : occurredAt, capacity);
    observedAt = Arrays.copyOf(observedAt == null ? new long[0] : observedAt, capacity);
    flags = Arrays.copyOf(flags == null ? new byte[0] : flags, capacity);
  }

  /** Appends one event at the end of the history. */
  public void append(RecordedEvent event) {
    EventSlot slot = new EventSlot();
    slot.topic = strings.intern(event.topic());
    slot.partition = event.partition();
    slot.offset = event.offset();
    slot.key = strings.intern(event.key());
    slot.type = strings.intern(event.type());
    slot.orderId = strings.intern(event.orderId());
    slot.traceId = event.traceId() == null ? -1 : strings.intern(event.traceId());
    slot.eventIdHi = event.eventId().getMostSignificantBits();
    slot.eventIdLo = event.eventId().getLeastSignificantBits();
    slot.hasCausation = event.causationId() != null;
    if (slot.hasCausation) {
      slot.causationHi = event.causationId().getMostSignificantBits();
      slot.causationLo = event.causationId().getLeastSignificantBits();
    }
    slot.occurredAt = Timestamps.toMicros(event.occurredAt());
    slot.observedAt = Timestamps.toMicros(event.observedAt());
    slot.synthetic = event.synthetic();
    append(slot);
  }

  /** Appends a parsed slot whose string fields are ids of this history's table. */
  void append(EventSlot s) {
    if (size == topic.length) {
      allocate(size + (size >> 1));
    }
    int i = size++;
    topic[i] = s.topic;
    partition[i] = s.partition;
    offset[i] = s.offset;
    key[i] = s.key;
    type[i] = s.type;
    orderId[i] = s.orderId;
    traceId[i] = s.traceId;
    eventIdHi[i] = s.eventIdHi;
    eventIdLo[i] = s.eventIdLo;
    causationHi[i] = s.hasCausation ? s.causationHi : 0;
    causationLo[i] = s.hasCausation ? s.causationLo : 0;
    occurredAt[i] = s.occurredAt;
    observedAt[i] = s.observedAt;
    flags[i] = (byte) ((s.synthetic ? 1 : 0) | (s.hasCausation ? 2 : 0));
  }

  StringTable strings() {
    return strings;
  }

  /** Shrinks the columns to the number of events; call when no more events will come. */
  public void trimToSize() {
    if (topic.length > size) {
      allocate(Math.max(size, 1));
    }
  }

  /** Returns the number of events. */
  public int size() {
    return size;
  }

  /** Rebuilds the event at {@code index} (0 is the first observed). */
  public RecordedEvent get(int index) {
    check(index);
    return new RecordedEvent(
        topic(index), partition[index], offset[index], key(index), eventId(index), type(index),
        orderId(index), occurredAt(index), causationId(index), synthetic(index), traceId(index),
        Timestamps.toInstant(observedAt[index]));
  }

  private void check(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("event index must be within [0, " + size + "), but was " + index);
    }
  }

  /** Returns the number of distinct strings (ids run from 0 to this, exclusive). */
  public int stringCount() {
    return strings.size();
  }

  /** Returns the string with the given id. */
  public String string(int id) {
    return strings.get(id);
  }

  /** Returns the id of {@code value}, or -1 when no event mentions it. */
  public int stringId(String value) {
    return strings.find(value);
  }

  /** Returns the topic of the event at {@code i}. */
  public String topic(int i) {
    return strings.get(topic[i]);
  }

  /** Returns the string id of the topic of the event at {@code i}. */
  public int topicId(int i) {
    return topic[i];
  }

  /** Returns the partition of the event at {@code i}. */
  public int partition(int i) {
    return partition[i];
  }

  /** Returns the offset of the event at {@code i}. */
  public long offset(int i) {
    return offset[i];
  }

  /** Returns the Kafka record key of the event at {@code i}. */
  public String key(int i) {
    return strings.get(key[i]);
  }

  /** Returns the string id of the Kafka record key of the event at {@code i}. */
  public int keyId(int i) {
    return key[i];
  }

  /** Returns the type of the event at {@code i}. */
  public String type(int i) {
    return strings.get(type[i]);
  }

  /** Returns the string id of the type of the event at {@code i}. */
  public int typeId(int i) {
    return type[i];
  }

  /** Returns the order id of the event at {@code i}. */
  public String orderId(int i) {
    return strings.get(orderId[i]);
  }

  /** Returns the string id of the order id of the event at {@code i}. */
  public int orderIdId(int i) {
    return orderId[i];
  }

  /** Returns the trace id of the event at {@code i}, or {@code null}. */
  public String traceId(int i) {
    return traceId[i] < 0 ? null : strings.get(traceId[i]);
  }

  /** Returns the event id of the event at {@code i}. */
  public UUID eventId(int i) {
    return new UUID(eventIdHi[i], eventIdLo[i]);
  }

  /** Returns the most significant bits of the event id at {@code i}. */
  public long eventIdHi(int i) {
    return eventIdHi[i];
  }

  /** Returns the least significant bits of the event id at {@code i}. */
  public long eventIdLo(int i) {
    return eventIdLo[i];
  }

  /** Returns whether the event at {@code i} names a causation event. */
  public boolean hasCausation(int i) {
    return (flags[i] & 2) != 0;
  }

  /** Returns the causation id of the event at {@code i}, or {@code null}. */
  public UUID causationId(int i) {
    return hasCausation(i) ? new UUID(causationHi[i], causationLo[i]) : null;
  }

  /** Returns the most significant bits of the causation id at {@code i} (0 when absent). */
  public long causationHi(int i) {
    return causationHi[i];
  }

  /** Returns the least significant bits of the causation id at {@code i} (0 when absent). */
  public long causationLo(int i) {
    return causationLo[i];
  }

  /** Returns whether the event at {@code i} is synthetic. */
  public boolean synthetic(int i) {
    return (flags[i] & 1) != 0;
  }

  /** Returns when the event at {@code i} occurred. */
  public Instant occurredAt(int i) {
    return Timestamps.toInstant(occurredAt[i]);
  }

  /** Returns when the event at {@code i} occurred, in epoch microseconds. */
  public long occurredAtMicros(int i) {
    return occurredAt[i];
  }

  /** Returns when the harness observed the event at {@code i}, in epoch microseconds. */
  public long observedAtMicros(int i) {
    return observedAt[i];
  }

  /**
   * Estimates the bytes this history holds: its columns at their current capacity plus the
   * interned strings. Divide by {@link #size()} for bytes per event.
   */
  public long estimatedBytes() {
    long capacity = topic.length;
    long perEvent = 6 * 4 + 7 * 8 + 1;
    return capacity * perEvent + 14 * 16 + strings.estimatedBytes();
  }
}
