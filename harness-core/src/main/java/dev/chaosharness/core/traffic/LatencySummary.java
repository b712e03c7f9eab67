package dev.chaosharness.core.traffic;

import java.time.Duration;

/**
 * Latency percentiles of a run, measured from each request's intended send time to its response.
 *
 * <p>Immutable and thread-safe. All zero when no request was answered.
 */
public record LatencySummary(Duration p50, Duration p90, Duration p95, Duration p99, Duration max) {

  /** The summary of a run without requests. */
  public static LatencySummary empty() {
    return new LatencySummary(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }
}
