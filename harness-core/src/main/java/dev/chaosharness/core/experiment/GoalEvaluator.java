package dev.chaosharness.core.experiment;

import dev.chaosharness.core.kpi.KpiSample;
import dev.chaosharness.core.kpi.Kpis;
import dev.chaosharness.core.kpi.Recovery;
import dev.chaosharness.core.kpi.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges the goals against the measured recovery and timeline. A fault that never took the
 * system out of its steady state meets time-to-detect (there was nothing to detect) and
 * impact-duration; time-to-recover needs the steady state to hold again after the revert.
 */
final class GoalEvaluator {

  private GoalEvaluator() {}

  static List<GoalResult> evaluate(List<Goal> goals, Optional<Recovery> recovery, Timeline timeline,
      Optional<Instant> firstInjection, Optional<Instant> lastRevert) {
    List<GoalResult> results = new ArrayList<>();
    for (Goal goal : goals) {
      results.add(switch (goal.kind()) {
        case TIME_TO_DETECT -> recovery.map(r -> r.detectedAt().isEmpty()
                ? result(goal, "no deviation detected", true)
                : time(goal, r.timeToDetect().orElseThrow()))
            .orElse(result(goal, "not measured (no fault window)", false));
        case TIME_TO_RECOVER -> recovery.map(r -> r.timeToRecover().map(t -> time(goal, t))
                .orElse(result(goal, "never recovered", false)))
            .orElse(result(goal, "not measured (no fault window)", false));
        case IMPACT_DURATION -> recovery.map(r -> r.detectedAt().isPresent() && r.recoveredAt().isEmpty()
                ? result(goal, "never recovered", false) : time(goal, r.impactDuration()))
            .orElse(result(goal, "not measured (no fault window)", false));
        case SUCCESS_RATIO_DURING_FAULT -> ratio(goal, timeline, firstInjection, lastRevert);
      });
    }
    return results;
  }

  private static GoalResult time(Goal goal, Duration measured) {
    return result(goal, DurationText.format(measured), measured.compareTo(goal.limit()) <= 0);
  }

  private static GoalResult ratio(Goal goal, Timeline timeline, Optional<Instant> from, Optional<Instant> to) {
    if (from.isEmpty() || to.isEmpty()) {
      return result(goal, "not measured (no fault window)", false);
    }
    // samples overlapping the window: ending after the injection, starting before the revert
    List<KpiSample> during = timeline.between(from.get(), to.get().plus(timeline.interval()).minusNanos(1));
    double requests = during.stream().mapToDouble(s -> zero(s.value(Kpis.REQUESTS))).sum();
    double successes = during.stream().mapToDouble(s -> zero(s.value(Kpis.SUCCESSES))).sum();
    if (requests == 0) {
      return result(goal, "no request completed during the fault", false);
    }
    double ratio = successes / requests;
    return result(goal, String.format(Locale.ROOT, "%.4f (%d/%d)", ratio, (long) successes, (long) requests),
        ratio >= goal.ratio());
  }

  private static double zero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static GoalResult result(Goal goal, String measured, boolean met) {
    return new GoalResult(goal.kind().fileName(), goal.target(), measured, met);
  }
}
