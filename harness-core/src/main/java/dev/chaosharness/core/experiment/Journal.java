package dev.chaosharness.core.experiment;

import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.kpi.Recovery;
import dev.chaosharness.core.kpi.Timeline;
import dev.chaosharness.core.traffic.TrafficResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one experiment run did and found: Chaos Toolkit's journal plus the harness's
 * verdicts, goals, KPI timeline and fault windows. The runner returns it, the journal file and
 * the HTML report are written from it, and JUnit assertions read it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param title the experiment's title
 * @param description the experiment's description, possibly empty
 * @param source where the experiment came from (a file path or a resource name)
 * @param status how the run ended
 * @param deviated whether the steady-state hypothesis was not met after the method (or before it)
 * @param start when the run started
 * @param end when the run ended
 * @param phases the phases that ran, in order
 * @param steadyStateBefore the hypothesis checked in the baseline phase, if it was
 * @param steadyStateAfter the hypothesis checked in the recover phase, if it was
 * @param run the method's activities, in order
 * @param rollbacks the rollbacks' activities, in order
 * @param faults the faults' windows, in injection order
 * @param timeline the KPI timeline sampled during the run (empty without traffic)
 * @param traffic the traffic run's result, when the experiment had traffic
 * @param recovery the measured detection and recovery of the fault windows' union, when there were faults and a timeline
 * @param invariants the saga checkers' verdict over the run's history, when invariants were asked for
 * @param goals each goal against what was measured, in file order
 * @param abortReason why the run was aborted or failed, when it was
 */
public record Journal(
    String title,
    String description,
    String source,
    RunStatus status,
    boolean deviated,
    Instant start,
    Instant end,
    List<PhaseSpan> phases,
    Optional<HypothesisResult> steadyStateBefore,
    Optional<HypothesisResult> steadyStateAfter,
    List<ActivityResult> run,
    List<ActivityResult> rollbacks,
    List<FaultWindow> faults,
    Timeline timeline,
    Optional<TrafficResult> traffic,
    Optional<Recovery> recovery,
    Optional<Verdict> invariants,
    List<GoalResult> goals,
    Optional<String> abortReason) {

  /** Validates and copies the fields. */
  public Journal {
    Objects.requireNonNull(title, "title must not be null");
    Objects.requireNonNull(description, "description must not be null");
    Objects.requireNonNull(source, "source must not be null");
    Objects.requireNonNull(status, "status must not be null");
    Objects.requireNonNull(start, "start must not be null");
    Objects.requireNonNull(end, "end must not be null");
    phases = List.copyOf(phases);
    Objects.requireNonNull(steadyStateBefore, "steadyStateBefore must not be null");
    Objects.requireNonNull(steadyStateAfter, "steadyStateAfter must not be null");
    run = List.copyOf(run);
    rollbacks = List.copyOf(rollbacks);
    faults = List.copyOf(faults);
    Objects.requireNonNull(timeline, "timeline must not be null");
    Objects.requireNonNull(traffic, "traffic must not be null");
    Objects.requireNonNull(recovery, "recovery must not be null");
    Objects.requireNonNull(invariants, "invariants must not be null");
    goals = List.copyOf(goals);
    Objects.requireNonNull(abortReason, "abortReason must not be null");
  }

  /** Returns how long the run took. */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /** Returns whether the invariants held (true when none were asked for). */
  public boolean invariantsHeld() {
    return invariants.map(Verdict::holds).orElse(true);
  }

  /** Returns whether every goal was met (true when there were none). */
  public boolean goalsMet() {
    return goals.stream().allMatch(GoalResult::met);
  }

  /**
   * Returns whether the run passed: it completed, the hypothesis held before and after, the
   * invariants held and every goal was met. A game day exits 0 only then.
   */
  public boolean passed() {
    return status == RunStatus.COMPLETED && !deviated && invariantsHeld() && goalsMet();
  }
}
