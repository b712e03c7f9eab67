package dev.chaosharness.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.kpi.KpiSample;
import dev.chaosharness.core.kpi.Kpis;
import dev.chaosharness.core.kpi.Recovery;
import dev.chaosharness.core.kpi.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoalEvaluatorTest {

  private static final Instant T0 = Instant.parse("2026-11-22T04:00:00Z");

  private static Goal goal(Goal.Kind kind, Duration limit, double ratio) {
    return new Goal(kind, limit, ratio, Location.inCode("goals." + kind.fileName()));
  }

  /** Ten one-second samples of 10 requests; samples 3..5 (ending at 4 s..6 s) have 2 successes, the rest 10. */
  private static Timeline timeline() {
    List<KpiSample> samples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      double ok = i >= 3 && i <= 5 ? 2 : 10;
      samples.add(new KpiSample(i, T0.plusSeconds(i + 1), Map.of(Kpis.REQUESTS, 10.0, Kpis.SUCCESSES, ok)));
    }
    return Timeline.of(Duration.ofSeconds(1), samples);
  }

  @Test
  void should_judge_each_goal_against_the_measured_recovery_and_timeline() {
    // given: injected at 2 s, detected at 4 s, reverted at 5 s, recovered at 7 s
    Recovery recovery = new Recovery(T0.plusSeconds(2), T0.plusSeconds(5), Optional.of(T0.plusSeconds(4)),
        Optional.of(T0.plusSeconds(7)), Optional.of("ratio"), Optional.of(T0.plusSeconds(6)));
    List<Goal> goals = List.of(
        goal(Goal.Kind.TIME_TO_DETECT, Duration.ofSeconds(1), Double.NaN),
        goal(Goal.Kind.TIME_TO_RECOVER, Duration.ofSeconds(2), Double.NaN),
        goal(Goal.Kind.IMPACT_DURATION, Duration.ofSeconds(2), Double.NaN),
        goal(Goal.Kind.SUCCESS_RATIO_DURING_FAULT, Duration.ZERO, 0.5));

    // when
    List<GoalResult> results = GoalEvaluator.evaluate(goals, Optional.of(recovery), timeline(),
        Optional.of(T0.plusSeconds(2)), Optional.of(T0.plusSeconds(5)));

    // then
    assertThat(results).containsExactly(
        new GoalResult("time-to-detect", "<= 1s", "2s", false),
        new GoalResult("time-to-recover", "<= 2s", "2s", true),
        new GoalResult("impact-duration", "<= 2s", "3s", false),
        new GoalResult("success-ratio-during-fault", ">= 0.5", "0.4667 (14/30)", false));
  }

  @Test
  void should_meet_detection_and_miss_nothing_when_the_fault_never_left_the_steady_state() {
    // given
    Recovery calm = new Recovery(T0.plusSeconds(2), T0.plusSeconds(5), Optional.empty(),
        Optional.of(T0.plusSeconds(6)), Optional.empty(), Optional.empty());

    // when
    List<GoalResult> results = GoalEvaluator.evaluate(List.of(goal(Goal.Kind.TIME_TO_DETECT, Duration.ofSeconds(1),
        Double.NaN), goal(Goal.Kind.IMPACT_DURATION, Duration.ofSeconds(1), Double.NaN)), Optional.of(calm),
        timeline(), Optional.of(T0.plusSeconds(2)), Optional.of(T0.plusSeconds(5)));

    // then
    assertThat(results).containsExactly(new GoalResult("time-to-detect", "<= 1s", "no deviation detected", true),
        new GoalResult("impact-duration", "<= 1s", "0ms", true));
  }

  @Test
  void should_miss_every_goal_when_nothing_was_measured() {
    // when
    List<GoalResult> results = GoalEvaluator.evaluate(List.of(goal(Goal.Kind.TIME_TO_RECOVER, Duration.ofSeconds(1),
        Double.NaN), goal(Goal.Kind.SUCCESS_RATIO_DURING_FAULT, Duration.ZERO, 0.5)), Optional.empty(), timeline(),
        Optional.empty(), Optional.empty());

    // then
    assertThat(results).containsExactly(
        new GoalResult("time-to-recover", "<= 1s", "not measured (no fault window)", false),
        new GoalResult("success-ratio-during-fault", ">= 0.5", "not measured (no fault window)", false));
  }
}
