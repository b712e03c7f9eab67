package dev.chaosharness.core.junit;

import dev.chaosharness.core.kpi.KpiRecorder;
import dev.chaosharness.core.kpi.MetricSource;
import dev.chaosharness.core.kpi.PrometheusSource;
import dev.chaosharness.core.kpi.Timeline;
import dev.chaosharness.core.kpi.TimelineConfig;
import dev.chaosharness.core.kpi.TimelineSampler;
import dev.chaosharness.core.target.TargetDescription;
import dev.chaosharness.core.traffic.TrafficListener;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples a target's KPI timeline while a test runs: harness-side request outcomes (fed through
 * {@link #listener()} or {@link #recorder()}) plus every service's Prometheus {@code /metrics}.
 *
 * <pre>{@code
 * @Test
 * void should_recover(Traffic traffic, TimelineRecorder timeline, FaultLedger faults) {
 *   try (TrafficRun run = traffic.start(plan, timeline.listener())) {
 *     faults.inject(Faults.linkDown("payment->provider"));
 *     ...
 *   }
 *   Recovery recovery = RecoveryMeter.of(steadyState, 3).measure(timeline.stop(), injectedAt, revertedAt);
 * }
 * }</pre>
 *
 * <p>Backed by a {@link TimelineSampler}. Injected by {@link HarnessExtension}, one per test,
 * closed after it. Thread-safe; {@link #close()} is idempotent.
 */
public final class TimelineRecorder implements AutoCloseable {

  private final TimelineSampler sampler;

  private TimelineRecorder(TimelineSampler sampler) {
    this.sampler = sampler;
  }

  /** Starts sampling now: one source per service of {@code target} that has a metrics endpoint. */
  public static TimelineRecorder start(TargetDescription target, TimelineConfig config, Clock clock) {
    List<MetricSource> sources = new ArrayList<>();
    for (TargetDescription.Service service : target.services()) {
      if (service.metricsUrl() != null) {
        sources.add(PrometheusSource.of(service.name(), URI.create(service.metricsUrl())));
      }
    }
    return new TimelineRecorder(TimelineSampler.start(config, clock, sources));
  }

  /** Returns the recorder traffic drivers feed. */
  public KpiRecorder recorder() {
    return sampler.recorder();
  }

  /** Returns a traffic listener that records each response's outcome and latency. */
  public TrafficListener listener() {
    KpiRecorder recorder = sampler.recorder();
    return r -> recorder.record(r.intended(), r.latency(), r.success());
  }

  /** Returns the timeline, growing while sampling runs. */
  public Timeline timeline() {
    return sampler.timeline();
  }

  /** Stops sampling (emitting the intervals that have ended) and returns the timeline. */
  public Timeline stop() {
    sampler.close();
    return sampler.timeline();
  }

  /** Stops sampling; idempotent. */
  @Override
  public void close() {
    sampler.close();
  }
}
