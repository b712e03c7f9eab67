package dev.chaosharness.core.traffic;

import java.time.Duration;

/**
 * One stretch of an open-model load profile: the arrival rate moves linearly from
 * {@code startRate} to {@code endRate} (arrivals per second) over {@code duration}.
 *
 * <p>Immutable and thread-safe.
 */
public record RateSegment(double startRate, double endRate, Duration duration) {

  /** Validates the segment. */
  public RateSegment {
    if (!(startRate >= 0) || !(endRate >= 0) || Double.isInfinite(startRate) || Double.isInfinite(endRate)) {
      throw new IllegalArgumentException(
          "segment rates must be finite and >= 0, but were " + startRate + " and " + endRate);
    }
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("segment duration must be positive, but was " + duration);
    }
  }

  /** Whether the rate stays the same over the whole segment. */
  public boolean isConstant() {
    return startRate == endRate;
  }

  /** The number of arrivals the segment intends: the area under its rate line. */
  public double expectedArrivals() {
    return (startRate + endRate) / 2.0 * seconds();
  }

  /** The time into the segment, in seconds, at which arrival number {@code k} (from 0) is due. */
  double offsetSecondsOf(double k) {
    double d = seconds();
    double slope = (endRate - startRate) / d;
    if (Math.abs(slope) < 1e-12) {
      return k / startRate;
    }
    // k = startRate * t + slope * t^2 / 2, solved for t >= 0.
    return (-startRate + Math.sqrt(startRate * startRate + 2 * slope * k)) / slope;
  }

  double seconds() {
    return duration.toNanos() / 1e9;
  }
}
