package dev.chaosharness.core.junit;

import dev.chaosharness.core.check.AnomalyKind;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.experiment.GoalResult;
import dev.chaosharness.core.experiment.HypothesisResult;
import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.experiment.ProbeResult;
import dev.chaosharness.core.experiment.RunStatus;
import dev.chaosharness.core.kpi.Recovery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an experiment run's {@link Journal}; start with {@link HarnessAssertions#assertThat(Journal)}.
 *
 * <pre>{@code
 * assertThat(runner.run(experiment))
 *     .completed().hypothesisHeld().invariantsHold().recoveredWithin(ofSeconds(15));
 * }</pre>
 *
 * <p>Assertions on parts the run did not measure fail rather than pass vacuously: {@link
 * #invariantsHold()} fails when no invariants were checked, {@link #recoveredWithin(Duration)}
 * when no recovery was measured. Not thread-safe, like every AssertJ assertion.
 */
public final class JournalAssert extends AbstractAssert<JournalAssert, Journal> {

  JournalAssert(Journal actual) {
    super(actual, JournalAssert.class);
  }

  /** Verifies that the run passed: completed, hypothesis held, invariants held, every goal met. */
  public JournalAssert passed() {
    isNotNull();
    if (actual.passed()) {
      return myself;
    }
    List<String> reasons = new ArrayList<>();
    if (actual.status() != RunStatus.COMPLETED) {
      reasons.add("status was " + actual.status().jsonName() + reason());
    }
    if (actual.deviated()) {
      reasons.add("the steady-state hypothesis deviated");
    }
    actual.invariants().filter(v -> !v.holds())
        .ifPresent(v -> reasons.add("invariants failed: " + v.countsByKind()));
    actual.goals().stream().filter(g -> !g.met()).forEach(g -> reasons.add("goal " + goal(g)));
    return fail("Expected " + subject() + " to pass, but:" + bullets(reasons));
  }

  /** Verifies that every phase ran (status {@code completed}), whatever the verdicts. */
  public JournalAssert completed() {
    isNotNull();
    if (actual.status() == RunStatus.COMPLETED) {
      return myself;
    }
    return fail("Expected " + subject() + " to complete, but its status was " + actual.status().jsonName() + reason());
  }

  /** Verifies that the steady-state hypothesis was checked and met before and after the method. */
  public JournalAssert hypothesisHeld() {
    isNotNull();
    List<String> reasons = new ArrayList<>();
    hypothesis("before", actual.steadyStateBefore()).ifPresent(reasons::add);
    hypothesis("after", actual.steadyStateAfter()).ifPresent(reasons::add);
    if (actual.deviated() && reasons.isEmpty()) {
      reasons.add("the journal says it deviated");
    }
    if (reasons.isEmpty()) {
      return myself;
    }
    return fail("Expected the steady-state hypothesis of " + subject() + " to hold, but:" + bullets(reasons));
  }

  /** Verifies that the invariants were checked and every one held; the message lists the first ten anomalies. */
  public JournalAssert invariantsHold() {
    return fail(VerdictMessages.invariantsHold(verdict("Expected every invariant of " + subject() + " to hold"),
        ofSubject()));
  }

  /** Verifies that the invariants' verdict has an anomaly of {@code kind}, for example {@code DUPLICATE_EFFECT}. */
  public JournalAssert hasAnomaly(String kind) {
    Objects.requireNonNull(kind, "kind");
    return fail(VerdictMessages.hasAnomaly(verdict("Expected an anomaly of kind " + kind + inSubject()), kind, null,
        inSubject()));
  }

  /** Verifies that the invariants' verdict has an anomaly of {@code kind}. */
  public JournalAssert hasAnomaly(AnomalyKind kind) {
    return hasAnomaly(kind.name());
  }

  /** Verifies that the invariants' verdict has an anomaly of {@code kind} for the saga key {@code key}. */
  public JournalAssert hasAnomaly(String kind, String key) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    return fail(VerdictMessages.hasAnomaly(verdict("Expected an anomaly of kind " + kind + " for key '" + key + "'"
        + inSubject()), kind, key, inSubject()));
  }

  /** Verifies that the invariants' verdict has an anomaly of {@code kind} for the saga key {@code key}. */
  public JournalAssert hasAnomaly(AnomalyKind kind, String key) {
    return hasAnomaly(kind.name(), key);
  }

  /** Verifies that every goal was met; the message lists the missed ones. */
  public JournalAssert goalsMet() {
    isNotNull();
    List<String> missed = actual.goals().stream().filter(g -> !g.met()).map(JournalAssert::goal).toList();
    if (missed.isEmpty()) {
      return myself;
    }
    return fail("Expected every goal of " + subject() + " to be met, but " + missed.size() + " of "
        + actual.goals().size() + " missed:" + bullets(missed));
  }

  /** Verifies that the steady state held again within {@code goal} of the fault's revert. */
  public JournalAssert recoveredWithin(Duration goal) {
    Objects.requireNonNull(goal, "goal");
    String expected = "Expected " + subject() + " to recover within " + seconds(goal);
    Recovery recovery = recovery(expected);
    if (recovery.recoveredWithin(goal)) {
      return myself;
    }
    String probe = "first failing probe: " + recovery.failingProbe().orElse("(none)");
    return fail(recovery.timeToRecover()
        .map(t -> expected + ", but it took " + seconds(t) + " after the revert at " + recovery.revertedAt() + " (" + probe + ")")
        .orElseGet(() -> expected + ", but the steady state never held again after the revert at " + recovery.revertedAt()
            + "; last sample out of tolerance ended at " + recovery.lastFailure().map(Object::toString).orElse("(none)")
            + ", " + probe));
  }

  /** Verifies that the steady state broke (the fault was detected) within {@code goal} of the injection. */
  public JournalAssert detectedWithin(Duration goal) {
    Objects.requireNonNull(goal, "goal");
    String expected = "Expected " + subject() + " to detect the fault within " + seconds(goal);
    Recovery recovery = recovery(expected);
    if (recovery.detectedWithin(goal)) {
      return myself;
    }
    return fail(recovery.timeToDetect()
        .map(t -> expected + ", but detection took " + seconds(t) + " after the injection at " + recovery.injectedAt()
            + " (first failing probe: " + recovery.failingProbe().orElse("(none)") + ")")
        .orElseGet(() -> expected + ", but the steady state never broke after the injection at " + recovery.injectedAt()));
  }

  private Verdict verdict(String expected) {
    isNotNull();
    Optional<Verdict> verdict = actual.invariants();
    if (verdict.isEmpty()) {
      failWithMessage("%s", expected + ", but no invariants were checked (the experiment names no invariants)");
    }
    return verdict.orElseThrow();
  }

  private Recovery recovery(String expected) {
    isNotNull();
    if (actual.recovery().isEmpty()) {
      failWithMessage("%s", expected + ", but no recovery was measured (the run had no fault window or no KPI timeline)");
    }
    return actual.recovery().orElseThrow();
  }

  private static Optional<String> hypothesis(String when, Optional<HypothesisResult> result) {
    if (result.isEmpty()) {
      return Optional.of(when + ": not checked");
    }
    if (result.get().met()) {
      return Optional.empty();
    }
    List<String> probes = result.get().probes().stream().filter(p -> !p.tolerated()).map(JournalAssert::probe).toList();
    return Optional.of(when + ": not met" + (probes.isEmpty() ? "" : "; " + String.join("; ", probes)));
  }

  private static String probe(ProbeResult p) {
    return "probe " + p.name() + " was " + p.value() + ", tolerance " + p.tolerance();
  }

  private static String goal(GoalResult g) {
    return g.name() + " missed: wanted " + g.target() + ", measured " + g.measured();
  }

  private String subject() {
    return "experiment '" + actual.title() + "'";
  }

  private String ofSubject() {
    return " of " + subject();
  }

  private String inSubject() {
    return " in " + subject();
  }

  private String reason() {
    return actual.abortReason().map(r -> " (" + r + ")").orElse("");
  }

  private static String bullets(List<String> lines) {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append("\n  - ").append(line));
    return text.toString();
  }

  private static String seconds(Duration d) {
    return d.toMillis() / 1000.0 + " s";
  }

  private JournalAssert fail(String message) {
    failWithMessage("%s", message);
    return myself;
  }

  private JournalAssert fail(Optional<String> failure) {
    failure.ifPresent(this::fail);
    return myself;
  }
}
