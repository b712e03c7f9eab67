package dev.chaosharness.core.traffic;

import java.time.Duration;
import java.util.List;

/**
 * When each arrival of an open-model run is due: the intended send time of the {@code n}-th
 * scenario start, measured from the start of the run.
 *
 * <p>Latency measured from these intended times includes any delay in sending, so a stalled
 * system or a stalled load generator cannot hide behind fewer requests (no coordinated
 * omission). Immutable and thread-safe.
 */
public final class ArrivalSchedule {

  private final List<RateSegment> segments;
  private final double[] arrivalsBefore;
  private final double expectedArrivals;

  private ArrivalSchedule(List<RateSegment> segments) {
    this.segments = List.copyOf(segments);
    this.arrivalsBefore = new double[segments.size()];
    double total = 0;
    for (int i = 0; i < segments.size(); i++) {
      arrivalsBefore[i] = total;
      total += segments.get(i).expectedArrivals();
    }
    this.expectedArrivals = total;
  }

  /** The schedule of a plan. */
  public static ArrivalSchedule of(TrafficPlan plan) {
    return of(plan.profile().segments(plan.rate(), plan.duration()));
  }

  /** The schedule of the given segments, in order. */
  public static ArrivalSchedule of(List<RateSegment> segments) {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a schedule needs at least one segment, but got none");
    }
    return new ArrivalSchedule(segments);
  }

  /** The number of arrivals the schedule intends over its whole length. */
  public double expectedArrivals() {
    return expectedArrivals;
  }

  /** The schedule's total length. */
  public Duration length() {
    return segments.stream().map(RateSegment::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /** The intended send time of arrival {@code n} (from 0), as an offset from the run's start. */
  public Duration offsetOf(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("arrival index must be >= 0, but was " + n);
    }
    double start = 0;
    for (int i = 0; i < segments.size(); i++) {
      RateSegment segment = segments.get(i);
      double within = n - arrivalsBefore[i];
      if (within < segment.expectedArrivals() || i == segments.size() - 1) {
        double seconds = start + segment.offsetSecondsOf(Math.max(0, within));
        return Duration.ofNanos(Math.round(seconds * 1e9));
      }
      start += segment.seconds();
    }
    throw new IllegalStateException("unreachable");
  }
}
