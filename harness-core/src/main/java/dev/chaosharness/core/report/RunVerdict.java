package dev.chaosharness.core.report;

import dev.chaosharness.core.experiment.GoalResult;
import dev.chaosharness.core.experiment.HypothesisResult;
import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.experiment.ProbeResult;
import dev.chaosharness.core.experiment.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report's headline: PASSED or FAILED and why, in plain sentences. Immutable and thread-safe.
 *
 * @param passed whether the run passed ({@link Journal#passed()})
 * @param reasons why it failed, or what held when it passed; plain text, not escaped
 */
record RunVerdict(boolean passed, List<String> reasons) {

  /** Copies the reasons. */
  RunVerdict {
    reasons = List.copyOf(reasons);
  }

  /** Returns the verdict of {@code journal}. */
  static RunVerdict of(Journal journal) {
    return journal.passed() ? new RunVerdict(true, List.of(passedSummary(journal))) : new RunVerdict(false, failures(journal));
  }

  /** Returns {@code PASSED} or {@code FAILED}. */
  String label() {
    return passed ? "PASSED" : "FAILED";
  }

  private static List<String> failures(Journal journal) {
    List<String> reasons = new ArrayList<>();
    if (journal.status() != RunStatus.COMPLETED) {
      reasons.add("run " + journal.status().jsonName() + ": " + journal.abortReason().orElse("no reason was recorded"));
    }
    if (journal.deviated()) {
      reasons.addAll(deviations(journal));
    }
    journal.invariants().filter(v -> !v.holds()).ifPresent(v -> reasons.add("invariants broken: " + v.anomalies().size()
        + (v.anomalies().size() == 1 ? " anomaly (" : " anomalies (") + v.countsByKind().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")"));
    for (GoalResult goal : journal.goals()) {
      if (!goal.met()) {
        reasons.add("goal " + goal.name() + " missed: measured " + goal.measured() + ", target " + goal.target());
      }
    }
    return reasons;
  }

  private static List<String> deviations(Journal journal) {
    List<String> reasons = new ArrayList<>();
    notMet(journal.steadyStateBefore()).ifPresent(p -> reasons.add(
        "steady-state hypothesis not met before the method (baseline)" + p));
    notMet(journal.steadyStateAfter()).ifPresent(p -> reasons.add(
        "steady-state hypothesis not met after recovery" + p));
    if (reasons.isEmpty()) {
      reasons.add("steady-state hypothesis deviated");
    }
    return reasons;
  }

  /** Returns, for an unmet hypothesis, the probes out of tolerance as {@code : a (was x, tolerance y), ...}. */
  private static Optional<String> notMet(Optional<HypothesisResult> hypothesis) {
    return hypothesis.filter(h -> !h.met()).map(h -> {
      String probes = h.probes().stream().filter(p -> !p.tolerated()).map(RunVerdict::probe)
          .collect(Collectors.joining(", "));
      return probes.isEmpty() ? "" : ": " + probes;
    });
  }

  private static String probe(ProbeResult p) {
    return p.name() + " was " + p.value() + ", tolerance " + p.tolerance();
  }

  private static String passedSummary(Journal journal) {
    List<String> held = new ArrayList<>();
    held.add("completed");
    if (journal.steadyStateBefore().isPresent() || journal.steadyStateAfter().isPresent()) {
      held.add("steady-state hypothesis held");
    }
    journal.invariants().ifPresent(v -> held.add("invariants held over " + v.events() + " events and " + v.sagas() + " sagas"));
    if (!journal.goals().isEmpty()) {
      held.add(journal.goals().size() == 1 ? "the goal was met" : "all " + journal.goals().size() + " goals were met");
    }
    return String.join("; ", held);
  }
}
