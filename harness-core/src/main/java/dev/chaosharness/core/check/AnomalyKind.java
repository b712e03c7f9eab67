package dev.chaosharness.core.check;

import java.util.List;

/** The kinds of anomaly the built-in checkers report, each with the checker that finds it. */
public enum AnomalyKind {
  /** An event type the saga specification does not know. */
  UNKNOWN_TYPE("ordering"),
  /** A non-start event without a causation id. */
  NO_CAUSE("ordering"),
  /** An event whose causation event never appeared in the history. */
  MISSING_CAUSE("ordering"),
  /** An event whose causation event belongs to another saga key. */
  FOREIGN_CAUSE("ordering"),
  /** An event whose causation event has a type the specification does not allow. */
  UNEXPECTED_CAUSE("ordering"),
  /** An event that sits in its partition before an event it follows. */
  REORDERED("ordering"),
  /** One key's events on one topic spread over several partitions, so nothing orders them. */
  SPLIT_PARTITIONS("ordering"),
  /** A second start event (new event id) for one key. */
  DUPLICATE_START("ordering"),
  /** A second terminal event (new event id) for one key. */
  DUPLICATE_TERMINAL("ordering"),
  /** An event in the terminal event's partition after it. */
  AFTER_TERMINAL("ordering"),
  /** An effect that happened twice (two event ids) for one key. */
  DUPLICATE_EFFECT("idempotency"),
  /** One event id used for two different events. */
  EVENT_ID_REUSED("idempotency"),
  /** A started key that never reached a terminal event. */
  STUCK("no-loss"),
  /** A key that reached its terminal event later than the deadline. */
  LATE("no-loss"),
  /** An accepted order with no event at all in the history. */
  LOST("no-loss"),
  /** A violation event not followed by every compensation it demands. */
  MISSING_COMPENSATION("compensation");

  private final String checker;

  AnomalyKind(String checker) {
    this.checker = checker;
  }

  /** Returns the name of the checker that reports this kind. */
  public String checker() {
    return checker;
  }

  Anomaly anomaly(String key, List<EventRef> evidence, String explanation) {
    return new Anomaly(checker, name(), key, evidence, explanation);
  }
}
