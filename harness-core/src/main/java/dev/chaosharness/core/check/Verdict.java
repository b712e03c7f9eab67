package dev.chaosharness.core.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of checking one history: every anomaly found, and what was checked.
 *
 * <p>Immutable and thread-safe.
 *
 * @param anomalies the anomalies, grouped by checker in the order the checkers ran
 * @param events the number of events checked
 * @param sagas the number of saga keys seen
 * @param checkers the names of the checkers and invariants that ran
 * @param inFlightAtStart the sagas left out because they were already running when the capture
 *     started (see {@link SagaChecker#skippingSagasInFlightAtStart()})
 */
public record Verdict(List<Anomaly> anomalies, int events, int sagas, List<String> checkers, int inFlightAtStart) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Copies the lists. */
  public Verdict {
    anomalies = List.copyOf(anomalies);
    checkers = List.copyOf(checkers);
  }

  /** A verdict that left no saga out. */
  public Verdict(List<Anomaly> anomalies, int events, int sagas, List<String> checkers) {
    this(anomalies, events, sagas, checkers, 0);
  }

  /**
   * Returns what was checked, for a person: {@code 3027 events, 747 sagas; checkers: ordering,
   * no-loss}, with the sagas left out when there were any.
   */
  public String scope() {
    return events + " events, " + sagas + " sagas" + (inFlightAtStart == 0 ? ""
        : " (" + inFlightAtStart + " more already running when the capture started, not checked)")
        + "; checkers: " + (checkers.isEmpty() ? "none" : String.join(", ", checkers));
  }

  /** Returns whether every invariant holds (no anomaly). */
  public boolean holds() {
    return anomalies.isEmpty();
  }

  /** Returns the number of anomalies per kind, in first-seen order. */
  public Map<String, Integer> countsByKind() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    anomalies.forEach(a -> counts.merge(a.kind(), 1, Integer::sum));
    return counts;
  }

  /** Renders the verdict for a person, listing at most {@code limit} anomalies. */
  public String toText(int limit) {
    StringBuilder text = new StringBuilder();
    String scope = scope();
    if (holds()) {
      return text.append("PASSED: every invariant holds (").append(scope).append(")\n").toString();
    }
    text.append("FAILED: ").append(anomalies.size()).append(anomalies.size() == 1 ? " anomaly" : " anomalies")
        .append(" (").append(scope).append(")\n");
    countsByKind().forEach((kind, count) -> text.append("  ").append(kind).append(": ").append(count).append('\n'));
    anomalies.stream().limit(limit).forEach(a -> text.append(a).append('\n'));
    if (anomalies.size() > limit) {
      text.append("... and ").append(anomalies.size() - limit).append(" more (use --json for all)\n");
    }
    return text.toString();
  }

  /** Renders every anomaly for a person. */
  public String toText() {
    return toText(Integer.MAX_VALUE);
  }

  /** Renders the verdict as a JSON document (see docs/saga-spec.md for its shape). */
  public String toJson() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("holds", holds());
    doc.put("events", events);
    doc.put("sagas", sagas);
    doc.put("inFlightAtStart", inFlightAtStart);
    doc.put("checkers", checkers);
    doc.put("counts", countsByKind());
    doc.put("anomalies", anomalies.stream().map(Verdict::json).toList());
    try {
      return JSON.writeValueAsString(doc);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot render the verdict as JSON: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> json(Anomaly a) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("checker", a.checker());
    doc.put("kind", a.kind());
    doc.put("key", a.key());
    doc.put("explanation", a.explanation());
    doc.put("evidence", a.evidence().stream().map(e -> {
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("type", e.type());
      ref.put("topic", e.topic());
      ref.put("partition", e.partition());
      ref.put("offset", e.offset());
      ref.put("eventId", e.eventId().toString());
      return ref;
    }).toList());
    return doc;
  }
}
