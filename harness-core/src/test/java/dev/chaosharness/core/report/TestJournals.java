package dev.chaosharness.core.report;

import dev.chaosharness.core.check.Anomaly;
import dev.chaosharness.core.check.EventRef;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.experiment.ActivityResult;
import dev.chaosharness.core.experiment.FaultWindow;
import dev.chaosharness.core.experiment.GoalResult;
import dev.chaosharness.core.experiment.HypothesisResult;
import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.experiment.Phase;
import dev.chaosharness.core.experiment.PhaseSpan;
import dev.chaosharness.core.experiment.ProbeResult;
import dev.chaosharness.core.experiment.RunStatus;
import dev.chaosharness.core.kpi.KpiSample;
import dev.chaosharness.core.kpi.Kpis;
import dev.chaosharness.core.kpi.Recovery;
import dev.chaosharness.core.kpi.Timeline;
import dev.chaosharness.core.traffic.AssertionOutcome;
import dev.chaosharness.core.traffic.LatencySummary;
import dev.chaosharness.core.traffic.RequestOutcome;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.core.traffic.TrafficResult;
import dev.chaosharness.core.traffic.TrafficStatus;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;
import java.util.UUID;

/**
 * Journals built by hand for the report's tests. The healthy run lasts 56 s: a latency fault on
 * {@code payment->provider} from +8.5 s to +29 s, detected at +11 s and recovered at +33 s, one
 * KPI sample per second from +2 s to +55 s.
 */
final class TestJournals {

  static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");
  static final String FAULT = "latency 800ms on payment->provider";

  private TestJournals() {}

  /** A run that passed: the hypothesis held, the invariants held, every goal was met. */
  static Journal healthy() {
    return journal("Payment provider latency", RunStatus.COMPLETED, false, Optional.of(verdict(List.of())),
        List.of(new GoalResult("time-to-recover", "<= 20s", "4.0s", true)), Optional.empty());
  }

  /** A completed run whose hypothesis deviated after recovery, with broken invariants and a missed goal. */
  static Journal failed(List<Anomaly> anomalies) {
    Journal healthy = healthy();
    HypothesisResult after = new HypothesisResult(at(45), false, List.of(
        new ProbeResult("order-healthy", "200", "200", true),
        new ProbeResult("success-ratio", "0.62", "[0.95, 1.0]", false)));
    return new Journal(healthy.title(), healthy.description(), healthy.source(), RunStatus.COMPLETED, true,
        healthy.start(), healthy.end(), healthy.phases(), healthy.steadyStateBefore(), Optional.of(after), healthy.run(),
        healthy.rollbacks(), healthy.faults(), healthy.timeline(), healthy.traffic(), healthy.recovery(),
        Optional.of(verdict(anomalies)),
        List.of(new GoalResult("time-to-detect", "<= 10s", "2.5s", true),
            new GoalResult("time-to-recover", "<= 20s", "never recovered", false)),
        Optional.empty());
  }

  /** A run aborted before anything ran: no phases, no samples, no faults, nothing checked. */
  static Journal empty() {
    return new Journal("Empty", "", "catalog/empty.yaml", RunStatus.ABORTED, false, T0, T0, List.of(), Optional.empty(),
        Optional.empty(), List.of(), List.of(), List.of(), new Timeline(Duration.ofSeconds(1)), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), Optional.of("target did not answer: connection refused"));
  }

  /** Returns {@code count} anomalies: DUPLICATE_EFFECT for the first {@code count - 1}, then one LOST, each with evidence. */
  static List<Anomaly> anomalies(int count, int evidencePerAnomaly) {
    List<Anomaly> anomalies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<EventRef> evidence = new ArrayList<>();
      for (int e = 0; e < evidencePerAnomaly; e++) {
        evidence.add(new EventRef("payments.events", 0, 100L * i + e, "PaymentProcessed", new UUID(i, e)));
      }
      boolean last = i == count - 1;
      anomalies.add(new Anomaly(last ? "no-loss" : "idempotency", last ? "LOST" : "DUPLICATE_EFFECT", "order-" + i,
          evidence, last ? "accepted order order-" + i + " has no event" : "payment charged twice for order-" + i));
    }
    return anomalies;
  }

  /** Returns a journal like {@link #healthy()} with the given title, status, verdicts and reason. */
  static Journal journal(String title, RunStatus status, boolean deviated, Optional<Verdict> invariants,
      List<GoalResult> goals, Optional<String> abortReason) {
    HypothesisResult before = new HypothesisResult(at(7), true, List.of(
        new ProbeResult("order-healthy", "200", "200", true),
        new ProbeResult("success-ratio", "1.0", "[0.95, 1.0]", true)));
    HypothesisResult after = new HypothesisResult(at(45), true, before.probes());
    List<ActivityResult> run = List.of(
        new ActivityResult("slow-provider", "action", "fault", true, at(8.5), at(8.6), "injected " + FAULT, Optional.empty()),
        new ActivityResult("run-script", "action", "process", true, at(8.6), at(8.7), "exit 0", Optional.empty()));
    List<ActivityResult> rollbacks = List.of(
        new ActivityResult("reset-provider", "action", "http", true, at(29), at(29.2), "200 OK", Optional.empty()));
    Recovery recovery = new Recovery(at(8.5), at(29), Optional.of(at(11)), Optional.of(at(33)),
        Optional.of("requests.success_ratio >= 0.95 over 3.0 s"), Optional.of(at(32)));
    return new Journal(title, "The shop rides out a slow card processor.", "catalog/payment-latency.yaml", status,
        deviated, T0, at(56), phases(), Optional.of(before), Optional.of(after), run, rollbacks,
        List.of(new FaultWindow(FAULT, at(8.5), at(29))), timeline(), Optional.of(traffic()), Optional.of(recovery),
        invariants, goals, abortReason);
  }

  static Verdict verdict(List<Anomaly> anomalies) {
    return new Verdict(anomalies, 1200, 300, List.of("ordering", "idempotency", "no-loss", "compensation"));
  }

  static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  private static List<PhaseSpan> phases() {
    double[] bounds = {0, 1, 6, 8, 8.5, 29, 30, 45, 55, 56};
    List<PhaseSpan> spans = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      spans.add(new PhaseSpan(phase, at(bounds[phase.ordinal()]), at(bounds[phase.ordinal() + 1])));
    }
    return spans;
  }

  /** One sample per second ending at +2 s .. +55 s; the fault slows p99 and drops successes from +10 s to +25 s. */
  static Timeline timeline() {
    List<KpiSample> samples = new ArrayList<>();
    for (int i = 0; i < 54; i++) {
      int second = i + 2;
      boolean faulty = second > 9 && second <= 25;
      boolean slow = second > 8 && second <= 31;
      samples.add(new KpiSample(i, at(second), Map.of(Kpis.REQUESTS, 20.0, Kpis.SUCCESSES, faulty ? 12.0 : 20.0,
          Kpis.REQUEST_RATE, 20.0, Kpis.SUCCESS_RATIO, faulty ? 0.6 : 1.0,
          Kpis.LATENCY_P50_MS, slow ? 820.0 : 12.0, Kpis.LATENCY_P99_MS, slow ? 1450.0 : 35.0)));
    }
    return Timeline.of(Duration.ofSeconds(1), samples);
  }

  static TrafficResult traffic() {
    TrafficPlan plan = TrafficPlan.builder().scenario("place-order").baseUrl(URI.create("http://127.0.0.1:8080"))
        .rate(20).duration(Duration.ofSeconds(50)).seed(42).build();
    return new TrafficResult(plan, TrafficStatus.COMPLETED, Path.of("target/traffic/run-1"),
        Path.of("target/traffic/run-1/traffic.jsonl"), null, 1000,
        Map.of(RequestOutcome.OK, 904L, RequestOutcome.SERVER_ERROR, 96L), Map.of("COMPLETED", 904L, "FAILED", 96L),
        20.0, 19.9, new LatencySummary(Duration.ofMillis(14), Duration.ofMillis(800), Duration.ofMillis(900),
            Duration.ofMillis(1450), Duration.ofMillis(2100)), Duration.ofMillis(3),
        List.of(new AssertionOutcome("p99 latency <= 2000 ms", "1450 ms", true)));
  }
}
