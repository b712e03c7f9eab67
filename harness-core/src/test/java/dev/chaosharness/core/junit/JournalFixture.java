package dev.chaosharness.core.junit;

import dev.chaosharness.core.check.Anomaly;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.experiment.GoalResult;
import dev.chaosharness.core.experiment.HypothesisResult;
import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.experiment.ProbeResult;
import dev.chaosharness.core.experiment.RunStatus;
import dev.chaosharness.core.kpi.Recovery;
import dev.chaosharness.core.kpi.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds journals for the assertion tests: by default a run that passed on every count. */
final class JournalFixture {

  static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  static final Instant INJECTED = T0.plusSeconds(20);
  static final Instant REVERTED = T0.plusSeconds(40);

  private RunStatus status = RunStatus.COMPLETED;
  private boolean deviated;
  private Optional<HypothesisResult> before = Optional.of(met(T0.plusSeconds(10)));
  private Optional<HypothesisResult> after = Optional.of(met(T0.plusSeconds(50)));
  private Optional<Recovery> recovery = Optional.of(new Recovery(INJECTED, REVERTED, Optional.of(INJECTED.plusSeconds(3)),
      Optional.of(REVERTED.plusSeconds(4)), Optional.of("success-ratio"), Optional.of(REVERTED.plusSeconds(3))));
  private Optional<Verdict> invariants = Optional.of(verdict());
  private final List<GoalResult> goals = new ArrayList<>(List.of(new GoalResult("time-to-recover", "<= 15s", "4.0s", true)));
  private Optional<String> abortReason = Optional.empty();

  static JournalFixture passing() {
    return new JournalFixture();
  }

  static Verdict verdict(Anomaly... anomalies) {
    return new Verdict(List.of(anomalies), 120, 20, List.of("ordering", "idempotency", "no-loss", "compensation"));
  }

  static Anomaly anomaly(String kind, String key) {
    return new Anomaly("idempotency", kind, key, List.of(), "PaymentProcessed twice");
  }

  static HypothesisResult met(Instant at) {
    return new HypothesisResult(at, true, List.of(new ProbeResult("order-healthy", "200", "200", true)));
  }

  JournalFixture status(RunStatus status, String reason) {
    this.status = status;
    this.abortReason = Optional.ofNullable(reason);
    return this;
  }

  JournalFixture deviated(HypothesisResult after) {
    this.deviated = true;
    this.after = Optional.ofNullable(after);
    return this;
  }

  JournalFixture before(HypothesisResult before) {
    this.before = Optional.ofNullable(before);
    return this;
  }

  JournalFixture recovery(Recovery recovery) {
    this.recovery = Optional.ofNullable(recovery);
    return this;
  }

  JournalFixture invariants(Verdict verdict) {
    this.invariants = Optional.ofNullable(verdict);
    return this;
  }

  JournalFixture goal(String name, String target, String measured, boolean met) {
    goals.add(new GoalResult(name, target, measured, met));
    return this;
  }

  Journal build() {
    return new Journal("Payment provider latency", "", "catalog/payment-latency.yaml", status, deviated, T0,
        T0.plusSeconds(60), List.of(), before, after, List.of(), List.of(), List.of(), new Timeline(Duration.ofSeconds(1)),
        Optional.empty(), recovery, invariants, goals, abortReason);
  }
}
