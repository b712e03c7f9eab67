package dev.chaosharness.core.traffic;

import java.time.Duration;

/**
 * The thresholds a traffic run is checked against: a latency percentile (measured from the
 * intended send time) and the ratio of failed requests.
 *
 * <p>Immutable and thread-safe.
 *
 * @param percentile the latency percentile checked, within (0, 100], for example 99
 * @param maxLatency the highest latency allowed at that percentile
 * @param maxErrorRatio the highest share of failed requests allowed, within [0, 1]
 */
public record TrafficAssertions(double percentile, Duration maxLatency, double maxErrorRatio) {

  /** Validates the thresholds. */
  public TrafficAssertions {
    if (!(percentile > 0) || percentile > 100) {
      throw new IllegalArgumentException("percentile must be within (0, 100], but was " + percentile);
    }
    if (maxLatency == null || maxLatency.isNegative() || maxLatency.isZero()) {
      throw new IllegalArgumentException("max latency must be positive, but was " + maxLatency);
    }
    if (!(maxErrorRatio >= 0) || maxErrorRatio > 1) {
      throw new IllegalArgumentException("max error ratio must be within [0.0, 1.0], but was " + maxErrorRatio);
    }
  }

  /** p99 under 2 s and at most 1% failed requests. */
  public static TrafficAssertions ofDefaults() {
    return new TrafficAssertions(99, Duration.ofSeconds(2), 0.01);
  }
}
