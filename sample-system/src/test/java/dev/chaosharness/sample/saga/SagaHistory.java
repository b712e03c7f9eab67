package dev.chaosharness.sample.saga;

import dev.chaosharness.core.history.EventHistory;
import dev.chaosharness.core.history.RecordedEvent;
import dev.chaosharness.sample.kit.EventEnvelope;
import dev.chaosharness.sample.kit.Topics;
import java.util.List;
import java.util.Map;

/** Turns what the test observer saw into the harness's {@link EventHistory}, so harness checks can run on it. */
final class SagaHistory {

  /** The service producing each saga topic, as harness trace checks need it. */
  static final Map<String, String> SERVICE_OF_TOPIC = Map.of(Topics.ORDERS, "order", Topics.PAYMENTS, "payment",
      Topics.STOCK, "stock", Topics.SHIPPING, "shipping");

  private SagaHistory() {
  }

  /** Returns the decoded saga events among {@code records}, in the order they were observed. */
  static EventHistory of(List<EventLog.Observed> records) {
    EventHistory history = new EventHistory();
    for (EventLog.Observed r : records) {
      EventEnvelope e = r.event();
      if (e != null) {
        history.append(new RecordedEvent(r.topic(), r.partition(), r.offset(), r.key(), e.eventId(), e.type(),
            e.orderId(), e.occurredAt(), e.causationId(), e.synthetic(), traceId(r.traceparent()), e.occurredAt()));
      }
    }
    return history;
  }

  /** Returns the trace id of a W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or null. */
  static String traceId(String traceparent) {
    if (traceparent == null) {
      return null;
    }
    String[] parts = traceparent.split("-");
    return parts.length == 4 ? parts[1] : null;
  }
}
