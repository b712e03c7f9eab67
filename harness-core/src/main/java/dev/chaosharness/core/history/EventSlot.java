package dev.chaosharness.core.history;

/** One event's fields while it is parsed or appended; strings are string-table ids. */
final class EventSlot {
  int topic = -1;
  int partition = -1;
  long offset = -1;
  int key = -1;
  int type = -1;
  int orderId = -1;
  int traceId = -1;
  long eventIdHi;
  long eventIdLo;
  boolean hasEventId;
  boolean hasCausation;
  long causationHi;
  long causationLo;
  long occurredAt = Long.MIN_VALUE;
  long observedAt = Long.MIN_VALUE;
  boolean synthetic;
  boolean hasSynthetic;

  void reset() {
    topic = -1;
    partition = -1;
    offset = -1;
    key = -1;
    type = -1;
    orderId = -1;
    traceId = -1;
    hasEventId = false;
    hasCausation = false;
    occurredAt = Long.MIN_VALUE;
    observedAt = Long.MIN_VALUE;
    hasSynthetic = false;
    synthetic = false;
  }
}
