package dev.chaosharness.core.check;

import java.util.List;
import java.util.Objects;

/**
 * One broken invariant: which checker found it, its kind, the saga key, the events that prove
 * it, and a one-line explanation a person can act on.
 *
 * <p>Immutable and thread-safe.
 *
 * @param checker the checker or invariant name, for example {@code idempotency}
 * @param kind the anomaly kind, for example {@code DUPLICATE_EFFECT}
 * @param key the saga key (order id), or empty for anomalies about no single saga
 * @param evidence the events that prove the anomaly, in history order
 * @param explanation what is wrong and what it points at, in one line
 */
public record Anomaly(String checker, String kind, String key, List<EventRef> evidence, String explanation) {

  /** Validates and copies the fields. */
  public Anomaly {
    Objects.requireNonNull(checker, "checker must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(key, "key must not be null");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(explanation, "explanation must not be null");
  }

  /** Returns one line: {@code [checker] KIND key: explanation (evidence: ...)}. */
  @Override
  public String toString() {
    return "[" + checker + "] " + kind + (key.isEmpty() ? "" : " " + key) + ": " + explanation
        + (evidence.isEmpty() ? "" : " (evidence: " + evidence.stream().map(EventRef::toString).reduce((a, b) -> a + ", " + b).orElse("") + ")");
  }
}
