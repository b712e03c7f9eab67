package dev.chaosharness.core.check;

import dev.chaosharness.core.history.EventHistory;
import dev.chaosharness.core.history.RecordedEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Builds hand-made histories of the sample saga: event ids are {@code 0-...-n}, time moves 1 s per event. */
final class SagaHistoryBuilder {

  static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");
  private static final Map<String, String> TOPIC = new HashMap<>();

  static {
    for (String t : new String[] {"OrderCreated", "OrderCompleted", "OrderFailed"}) {
      TOPIC.put(t, "orders.events");
    }
    for (String t : new String[] {"PaymentProcessed", "PaymentDeclined", "PaymentRefunded"}) {
      TOPIC.put(t, "payments.events");
    }
    for (String t : new String[] {"StockReserved", "StockInsufficient", "StockReleased"}) {
      TOPIC.put(t, "stock.events");
    }
    for (String t : new String[] {"ShipmentScheduled", "ShipmentFailed"}) {
      TOPIC.put(t, "shipping.events");
    }
  }

  final EventHistory history = new EventHistory();
  private final Map<String, Long> nextOffset = new HashMap<>();
  private long nextId = 1;
  private Instant now = T0;

  static UUID id(long n) {
    return new UUID(0, n);
  }

  /** Appends {@code type} for {@code order}, caused by event {@code cause} (0 = none); returns its id number. */
  long emit(String type, String order, long cause) {
    return emit(type, order, cause, -1);
  }

  /** As {@link #emit(String, String, long)} at an explicit offset (-1 = next). */
  long emit(String type, String order, long cause, long offset) {
    long n = nextId++;
    append(type, order, cause, offset, n);
    return n;
  }

  /** As {@link #emit(String, String, long)} on partition {@code partition} of the type's topic. */
  long emitOn(String type, String order, long cause, int partition) {
    long n = nextId++;
    append(type, order, cause, -1, n, partition);
    return n;
  }

  /** Appends a copy of event {@code n} (a redelivery), at the next offset. */
  void redeliver(String type, String order, long cause, long n) {
    append(type, order, cause, -1, n);
  }

  void advance(long seconds) {
    now = now.plusSeconds(seconds);
  }

  /** A whole happy saga; returns the id of its terminal event. */
  long happy(String order) {
    long created = emit("OrderCreated", order, 0);
    long paid = emit("PaymentProcessed", order, created);
    long reserved = emit("StockReserved", order, paid);
    long shipped = emit("ShipmentScheduled", order, reserved);
    return emit("OrderCompleted", order, shipped);
  }

  private void append(String type, String order, long cause, long offset, long n) {
    append(type, order, cause, offset, n, 0);
  }

  private void append(String type, String order, long cause, long offset, long n, int partition) {
    String topic = TOPIC.getOrDefault(type, "other.events");
    String position = topic + "/" + partition;
    long at = offset >= 0 ? offset : nextOffset.getOrDefault(position, 0L);
    nextOffset.put(position, Math.max(at + 1, nextOffset.getOrDefault(position, 0L)));
    history.append(new RecordedEvent(topic, partition, at, order, id(n), type, order, now, cause == 0 ? null : id(cause),
        true, null, now.plusMillis(5)));
    now = now.plusSeconds(1);
  }
}
