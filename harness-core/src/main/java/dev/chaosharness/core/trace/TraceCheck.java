package dev.chaosharness.core.trace;

import dev.chaosharness.core.check.Anomaly;
import dev.chaosharness.core.check.EventRef;
import dev.chaosharness.core.check.Invariant;
import dev.chaosharness.core.history.EventHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trace assertions over the synthetic sagas of a history: each saga forms one trace (every
 * event carries the same trace id), and that trace holds spans from every service whose topic
 * the saga touched.
 *
 * <pre>{@code
 * TraceCheck traces = TraceCheck.of(receiver.spans(), Map.of("orders.events", "order", "payments.events", "payment"));
 * Verdict verdict = SagaChecker.of(spec).withInvariant(traces).check(history);
 * double complete = traces.completeness(history); // a KPI: share of synthetic sagas with a complete trace
 * }</pre>
 *
 * <p>Anomaly kinds: {@code NO_TRACE} (an event without trace id), {@code SPLIT_TRACE} (one saga,
 * several trace ids), {@code TRACE_NOT_RECEIVED} (no span of the trace arrived),
 * {@code MISSING_SPANS} (services that touched the saga but have no span in its trace).
 * Thread-safe when the span store is no longer being written, or for a snapshot in time.
 */
public final class TraceCheck implements Invariant {

  private final SpanStore spans;
  private final Map<String, String> serviceOfTopic;

  private TraceCheck(SpanStore spans, Map<String, String> serviceOfTopic) {
    this.spans = spans;
    this.serviceOfTopic = Map.copyOf(serviceOfTopic);
  }

  /** Creates a check over {@code spans}; {@code serviceOfTopic} names the service producing each topic. */
  public static TraceCheck of(SpanStore spans, Map<String, String> serviceOfTopic) {
    return new TraceCheck(spans, serviceOfTopic);
  }

  @Override
  public String name() {
    return "traces";
  }

  @Override
  public List<Anomaly> check(EventHistory history) {
    List<Anomaly> anomalies = new ArrayList<>();
    sagas(history).forEach((key, events) -> checkSaga(history, key, events, anomalies));
    return anomalies;
  }

  /** Returns the share of synthetic sagas whose trace is complete (1.0 when there is none). */
  public double completeness(EventHistory history) {
    Map<String, List<Integer>> sagas = sagas(history);
    if (sagas.isEmpty()) {
      return 1.0;
    }
    long complete = sagas.entrySet().stream().filter(e -> {
      List<Anomaly> found = new ArrayList<>();
      checkSaga(history, e.getKey(), e.getValue(), found);
      return found.isEmpty();
    }).count();
    return (double) complete / sagas.size();
  }

  private static Map<String, List<Integer>> sagas(EventHistory history) {
    Map<String, List<Integer>> sagas = new LinkedHashMap<>();
    for (int i = 0; i < history.size(); i++) {
      if (history.synthetic(i)) {
        sagas.computeIfAbsent(history.orderId(i), k -> new ArrayList<>()).add(i);
      }
    }
    return sagas;
  }

  private void checkSaga(EventHistory history, String key, List<Integer> events, List<Anomaly> out) {
    Set<String> traces = new TreeSet<>();
    Set<String> touched = new TreeSet<>();
    for (int i : events) {
      String trace = history.traceId(i);
      if (trace == null) {
        out.add(anomaly("NO_TRACE", key, List.of(EventRef.of(history, i)), history.type(i)
            + " carries no traceparent header; its producer does not propagate the trace context"));
        return;
      }
      traces.add(trace);
      String service = serviceOfTopic.get(history.topic(i));
      if (service != null) {
        touched.add(service);
      }
    }
    if (traces.size() > 1) {
      out.add(anomaly("SPLIT_TRACE", key, List.of(EventRef.of(history, events.get(0)), EventRef.of(history, events.get(events.size() - 1))),
          "the saga's events carry " + traces.size() + " trace ids " + traces + "; a consumer started a new trace instead of continuing it"));
      return;
    }
    String trace = traces.iterator().next();
    Set<String> exported = new TreeSet<>();
    spans.trace(trace).forEach(span -> exported.add(span.service()));
    if (exported.isEmpty()) {
      out.add(anomaly("TRACE_NOT_RECEIVED", key, List.of(EventRef.of(history, events.get(0))), "no span of trace " + trace
          + " reached the receiver; are the services exporting to it (OTEL_EXPORTER_OTLP_ENDPOINT)?"));
      return;
    }
    Set<String> missing = new TreeSet<>(touched);
    missing.removeAll(exported);
    if (!missing.isEmpty()) {
      out.add(anomaly("MISSING_SPANS", key, List.of(EventRef.of(history, events.get(0))), "trace " + trace + " has spans from "
          + exported + " but the saga touched " + touched + "; " + missing + " exported no span in it"));
    }
  }

  private static Anomaly anomaly(String kind, String key, List<EventRef> evidence, String explanation) {
    return new Anomaly("traces", kind, key, evidence, explanation);
  }
}
