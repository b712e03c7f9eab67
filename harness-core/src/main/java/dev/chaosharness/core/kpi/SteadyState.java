package dev.chaosharness.core.kpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The named probes that together say the system is healthy; it holds at a sample when every
 * probe holds there.
 *
 * <pre>{@code
 * SteadyState healthy = SteadyState.of(
 *     Probe.successRatioAtLeast(0.99).over(Duration.ofSeconds(5)),
 *     Probe.p99AtMost(Duration.ofMillis(500)));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param probes the probes, at least one
 */
public record SteadyState(List<Probe> probes) {

  /** Validates and copies the probes. */
  public SteadyState {
    probes = List.copyOf(probes);
    if (probes.isEmpty()) {
      throw new IllegalArgumentException("a steady state needs at least one probe, but none was given");
    }
  }

  /** Creates a steady state from probes. */
  public static SteadyState of(Probe... probes) {
    return new SteadyState(List.of(probes));
  }

  /** Returns the probes that fail at sample {@code i} of {@code samples}; empty when it holds. */
  public List<Probe> failing(List<KpiSample> samples, int i, Duration interval) {
    List<Probe> failing = new ArrayList<>();
    for (Probe probe : probes) {
      if (!probe.holds(window(samples, i, probe.window(), interval))) {
        failing.add(probe);
      }
    }
    return failing;
  }

  private static List<KpiSample> window(List<KpiSample> samples, int i, Duration window, Duration interval) {
    long count = Math.max(1, window.toNanos() / interval.toNanos());
    int from = (int) Math.max(0, i - count + 1);
    return samples.subList(from, i + 1);
  }
}
