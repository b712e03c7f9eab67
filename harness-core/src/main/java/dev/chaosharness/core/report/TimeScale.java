package dev.chaosharness.core.report;

import java.time.Duration;
import java.time.Instant;

/**
 * Maps instants of a run onto the horizontal pixels of a chart, and picks readable tick steps.
 * Immutable and thread-safe.
 *
 * @param from the instant at {@code left}
 * @param to the instant at {@code right}; later than {@code from}
 * @param left the leftmost pixel
 * @param right the rightmost pixel
 */
record TimeScale(Instant from, Instant to, double left, double right) {

  private static final long[] STEPS_SECONDS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600};

  /** Validates that the span is positive. */
  TimeScale {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("time scale must end after it starts, but was " + from + " .. " + to);
    }
  }

  /**
   * Returns the scale covering {@code from .. to}, widened to one second when the span is shorter,
   * so an instant run still draws.
   */
  static TimeScale covering(Instant from, Instant to, double left, double right) {
    Instant end = to.isAfter(from.plusSeconds(1)) ? to : from.plusSeconds(1);
    return new TimeScale(from, end, left, right);
  }

  /** Returns the pixel of {@code at}, clamped to the scale's range. */
  double x(Instant at) {
    double span = Duration.between(from, to).toNanos();
    double offset = Duration.between(from, at).toNanos();
    double clamped = Math.max(0, Math.min(span, offset));
    return left + (right - left) * clamped / span;
  }

  /** Returns a tick step in whole seconds that gives at most {@code maxTicks} ticks. */
  Duration tickStep(int maxTicks) {
    double seconds = Duration.between(from, to).toMillis() / 1000.0;
    for (long step : STEPS_SECONDS) {
      if (seconds / step <= maxTicks) {
        return Duration.ofSeconds(step);
      }
    }
    return Duration.ofSeconds((long) Math.ceil(seconds / maxTicks));
  }
}
