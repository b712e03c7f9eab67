package dev.chaosharness.core.traffic;

/**
 * One assertion checked over a run: what it demands, what was measured, and whether it held.
 *
 * <p>Immutable and thread-safe.
 *
 * @param description what is asserted, for example {@code p99 latency <= 2000 ms}
 * @param actual the measured value, for example {@code 35 ms}
 * @param passed whether the assertion held
 */
public record AssertionOutcome(String description, String actual, boolean passed) {

  @Override
  public String toString() {
    return (passed ? "PASS " : "FAIL ") + description + " (was " + actual + ")";
  }
}
