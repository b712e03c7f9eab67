package dev.chaosharness.core.junit;

import dev.chaosharness.core.check.Anomaly;
import dev.chaosharness.core.check.Verdict;
import java.util.List;
import java.util.Optional;

/** The failure messages of the verdict assertions, shared by verdicts and journals. */
final class VerdictMessages {

  /** How many anomalies a failure message lists. */
  static final int LIMIT = 10;

  private VerdictMessages() {}

  /** Empty when every invariant holds; {@code ofSubject} is {@code ""} or {@code " of experiment 'x'"}. */
  static Optional<String> invariantsHold(Verdict verdict, String ofSubject) {
    if (verdict.holds()) {
      return Optional.empty();
    }
    return Optional.of("Expected every invariant" + ofSubject + " to hold, but:\n" + verdict.toText(LIMIT).stripTrailing());
  }

  /**
   * Empty when the verdict has an anomaly of {@code kind}, for {@code key} when it is not null;
   * {@code inSubject} is {@code ""} or {@code " in experiment 'x'"}.
   */
  static Optional<String> hasAnomaly(Verdict verdict, String kind, String key, String inSubject) {
    List<Anomaly> ofKind = verdict.anomalies().stream().filter(a -> a.kind().equals(kind)).toList();
    if (!ofKind.isEmpty() && (key == null || ofKind.stream().anyMatch(a -> a.key().equals(key)))) {
      return Optional.empty();
    }
    String expected = "Expected an anomaly of kind " + kind + (key == null ? "" : " for key '" + key + "'") + inSubject;
    if (verdict.holds()) {
      return Optional.of(expected + ", but every invariant held (" + verdict.scope() + ")");
    }
    if (ofKind.isEmpty()) {
      return Optional.of(expected + ", but there was none; anomalies by kind: " + verdict.countsByKind());
    }
    return Optional.of(expected + ", but " + kind + " was found only for keys "
        + ofKind.stream().map(Anomaly::key).distinct().toList());
  }
}
