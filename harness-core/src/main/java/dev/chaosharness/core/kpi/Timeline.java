package dev.chaosharness.core.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The KPI timeline of a run: one {@link KpiSample} per interval, in order, without gaps.
 *
 * <p>Thread-safe: one sampler appends while any thread reads snapshots.
 */
public final class Timeline {

  private final Duration interval;
  private final List<KpiSample> samples = new ArrayList<>();

  /** Creates an empty timeline sampled every {@code interval}. */
  public Timeline(Duration interval) {
    this.interval = Objects.requireNonNull(interval, "interval must not be null");
  }

  /** Creates a timeline holding {@code samples} (for analysis and tests). */
  public static Timeline of(Duration interval, List<KpiSample> samples) {
    Timeline timeline = new Timeline(interval);
    samples.forEach(timeline::append);
    return timeline;
  }

  /** Returns the sampling interval. */
  public Duration interval() {
    return interval;
  }

  /** Appends a sample; its index must follow the last one's. */
  public synchronized void append(KpiSample sample) {
    if (!samples.isEmpty() && sample.index() != samples.get(samples.size() - 1).index() + 1) {
      throw new IllegalArgumentException("sample index must be " + (samples.get(samples.size() - 1).index() + 1)
          + " (no gaps), but was " + sample.index());
    }
    samples.add(sample);
  }

  /** Returns a snapshot of the samples in order. */
  public synchronized List<KpiSample> samples() {
    return List.copyOf(samples);
  }

  /** Returns the samples whose interval ends within {@code (from, to]}. */
  public List<KpiSample> between(Instant from, Instant to) {
    return samples().stream().filter(s -> s.at().isAfter(from) && !s.at().isAfter(to)).toList();
  }
}
