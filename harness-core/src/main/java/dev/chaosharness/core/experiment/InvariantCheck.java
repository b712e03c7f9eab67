package dev.chaosharness.core.experiment;

import dev.chaosharness.core.check.Anomaly;
import dev.chaosharness.core.check.SagaChecker;
import dev.chaosharness.core.check.SagaSpec;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.history.EventHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Checks the observed history with {@link SagaChecker}, keeping the verdicts of the asked-for checkers. */
final class InvariantCheck {

  static final String SAMPLE_SPEC = "/dev/chaosharness/core/check/sample-saga.yaml";

  private InvariantCheck() {}

  static SagaSpec spec(InvariantSpec invariants) {
    if (invariants.sagaSpec().isPresent()) {
      Path file = invariants.sagaSpec().get();
      if (!Files.isRegularFile(file)) {
        throw invariants.location().error("saga-spec file " + file + " does not exist");
      }
      return SagaSpec.parse(file);
    }
    try (InputStream in = InvariantCheck.class.getResourceAsStream(SAMPLE_SPEC)) {
      return SagaSpec.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "sample-saga.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled " + SAMPLE_SPEC, e);
    }
  }

  static Verdict check(InvariantSpec invariants, SagaSpec spec, EventHistory history, Set<String> accepted) {
    Verdict all = SagaChecker.of(spec).withDeadline(invariants.deadline()).withAccepted(accepted)
        .skippingSagasInFlightAtStart().check(history);
    List<Anomaly> kept = all.anomalies().stream().filter(a -> invariants.checkers().contains(a.checker())).toList();
    return new Verdict(kept, all.events(), all.sagas(), invariants.checkers(), all.inFlightAtStart());
  }
}
