package dev.chaosharness.core.traffic;

import java.time.Duration;

/**
 * A snapshot of a running traffic run.
 *
 * <p>Immutable and thread-safe.
 *
 * @param elapsed time since the first arrival was due
 * @param arrivals scenario starts sent so far
 * @param requests requests answered or failed so far
 * @param failed requests that did not end as expected
 */
public record TrafficProgress(Duration elapsed, long arrivals, long requests, long failed) {

  /** Arrivals per second so far. */
  public double arrivalRate() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : arrivals / seconds;
  }
}
