package dev.chaosharness.traffic.synthetics;

import dev.chaosharness.core.traffic.Traffic;
import dev.chaosharness.core.traffic.TrafficException;
import dev.chaosharness.core.traffic.TrafficListener;
import dev.chaosharness.core.traffic.TrafficLog;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.core.traffic.TrafficResult;
import dev.chaosharness.core.traffic.TrafficRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs synthetics cycles: each cycle runs every configured scenario once, briefly and at a low
 * rate, judges it, records it in the metrics and hands its report on.
 *
 * <pre>{@code
 * SyntheticsRunner runner = new SyntheticsRunner(config, new GatlingTraffic(), metrics, Clock.systemUTC());
 * List<CycleReport> reports = runner.runCycle(0);
 * }</pre>
 *
 * <p>Not thread-safe: one thread runs cycles; the metrics may be read from any thread.
 */
public final class SyntheticsRunner {

  private final SyntheticsConfig config;
  private final Traffic traffic;
  private final SyntheticsMetrics metrics;
  private final Clock clock;

  /** A runner over {@code traffic}, recording into {@code metrics}, timed by {@code clock}. */
  public SyntheticsRunner(SyntheticsConfig config, Traffic traffic, SyntheticsMetrics metrics, Clock clock) {
    this.config = config;
    this.traffic = traffic;
    this.metrics = metrics;
    this.clock = clock;
    for (String scenario : config.scenarios()) {
      if (!traffic.scenarios().contains(scenario)) {
        throw new IllegalArgumentException("Unknown scenario '" + scenario + "'; known scenarios: " + traffic.scenarios());
      }
    }
  }

  /** Runs cycle number {@code cycle}: every scenario once; returns one report per scenario. */
  public List<CycleReport> runCycle(long cycle) {
    List<CycleReport> reports = checks(cycle);
    reports.forEach(metrics::record);
    return reports;
  }

  private List<CycleReport> checks(long cycle) {
    List<CycleReport> reports = new ArrayList<>();
    for (int i = 0; i < config.scenarios().size(); i++) {
      reports.add(check(config.scenarios().get(i), cycle, config.seed() + cycle));
    }
    return reports;
  }

  /**
   * Runs cycles every {@code every} (start to start) until {@code cycles} ran (or forever when
   * negative) or the thread is interrupted, recording each report and handing it to {@code sink}.
   * A cycle cut short by the interrupt is neither recorded nor handed on: it says nothing about
   * the system.
   */
  public void runEvery(Duration every, long cycles, Consumer<CycleReport> sink) {
    for (long cycle = 0; cycles < 0 || cycle < cycles; cycle++) {
      Instant start = clock.instant();
      List<CycleReport> reports = checks(cycle);
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      reports.forEach(report -> {
        metrics.record(report);
        sink.accept(report);
      });
      if (cycles >= 0 && cycle + 1 >= cycles) {
        return;
      }
      Duration rest = every.minus(Duration.between(start, clock.instant()));
      if (!rest.isNegative()) {
        try {
          Thread.sleep(rest.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private CycleReport check(String scenario, long cycle, long seed) {
    Instant started = clock.instant();
    TrafficPlan plan = TrafficPlan.builder().scenario(scenario).baseUrl(config.baseUrl())
        .rate(config.effectiveRate()).duration(config.effectiveDuration()).seed(seed)
        .outputDirectory(config.outputDirectory()).htmlReport(false)
        .pollTimeout(Duration.ofSeconds(30)).build();
    try (TrafficRun run = traffic.start(plan, TrafficListener.noop())) {
      TrafficResult result = run.await(plan.duration().plus(plan.pollTimeout()).plusMinutes(1));
      if (Thread.currentThread().isInterrupted()) {
        return new CycleReport(scenario, cycle, seed, started, Duration.between(started, clock.instant()),
            false, result.requestsByOutcome(), List.of("the check was stopped before it ended"));
      }
      List<String> problems = SyntheticCheck.problems(result, TrafficLog.read(result.trafficLog()));
      return new CycleReport(scenario, cycle, seed, started, Duration.between(started, clock.instant()),
          problems.isEmpty(), result.requestsByOutcome(), problems);
    } catch (TrafficException e) {
      return new CycleReport(scenario, cycle, seed, started, Duration.between(started, clock.instant()),
          false, Map.of(), List.of(e.getMessage()));
    }
  }
}
