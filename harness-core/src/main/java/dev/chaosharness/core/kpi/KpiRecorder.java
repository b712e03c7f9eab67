package dev.chaosharness.core.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Where a traffic driver reports each request: when it was meant to be sent, its latency
 * measured from that intended time (so coordinated omission is corrected: a stalled system
 * shows as long latencies, not as missing requests), and whether it succeeded.
 *
 * <pre>{@code
 * recorder.record(intendedSend, Duration.between(intendedSend, completedAt), response.ok());
 * }</pre>
 *
 * <p>Each request counts in the interval in which it completed (intended send + latency), so a
 * late-running sampler never moves a request into the wrong sample. Thread-safe and
 * lock-free for recording: call {@link #record} from any number of threads; it never throws.
 */
public final class KpiRecorder {

  private static final long MAX_LATENCY_MICROS = Duration.ofHours(1).toNanos() / 1000;

  private final Instant origin;
  private final long intervalNanos;
  private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();
  private volatile long closedBefore;
  private final LongAdder late = new LongAdder();

  /** Creates a recorder whose interval 0 starts at {@code origin}. */
  public KpiRecorder(Instant origin, Duration interval) {
    this.origin = origin;
    this.intervalNanos = interval.toNanos();
    if (intervalNanos <= 0) {
      throw new IllegalArgumentException("interval must be positive, but was " + interval);
    }
  }

  /**
   * Records one request.
   *
   * @param intendedSend when the open-model schedule meant to send it
   * @param latencyFromIntended from the intended send to the response (or failure)
   * @param success whether the request succeeded
   */
  public void record(Instant intendedSend, Duration latencyFromIntended, boolean success) {
    Duration latency = latencyFromIntended.isNegative() ? Duration.ZERO : latencyFromIntended;
    long completed = Duration.between(origin, intendedSend.plus(latency)).toNanos();
    long index = Math.max(0, Math.floorDiv(completed, intervalNanos));
    boolean counted = false;
    while (true) {
      long open = closedBefore;
      if (index < open) {
        if (!counted) {
          late.increment();
          counted = true;
        }
        index = open;
      }
      Bucket bucket = buckets.computeIfAbsent(index, i -> new Bucket());
      bucket.writers.incrementAndGet();
      try {
        if (!bucket.closed) {
          bucket.latency.recordValue(Math.min(MAX_LATENCY_MICROS, latency.toNanos() / 1000));
          (success ? bucket.successes : bucket.failures).increment();
          return;
        }
      } finally {
        bucket.writers.decrementAndGet();
      }
    }
  }

  /** Returns how many requests arrived after their interval was closed (counted in the next one). */
  public long lateRecords() {
    return late.sum();
  }

  Instant origin() {
    return origin;
  }

  /** Closes interval {@code index} and returns its values; later recordings for it go to the next. */
  Map<String, Double> close(long index, double intervalSeconds) {
    closedBefore = index + 1;
    Histogram histogram = new Histogram(3);
    long successes = 0;
    long requests = 0;
    for (Long key : buckets.keySet()) {
      if (key <= index) { // this interval, and stragglers that raced with an earlier close
        Bucket bucket = buckets.remove(key);
        bucket.closed = true;
        while (bucket.writers.get() > 0) {
          Thread.onSpinWait(); // a writer that saw the bucket open finishes its recording
        }
        histogram.add(bucket.latency);
        successes += bucket.successes.sum();
        requests += bucket.successes.sum() + bucket.failures.sum();
      }
    }
    boolean any = requests > 0;
    return Map.of(
        Kpis.REQUESTS, (double) requests,
        Kpis.SUCCESSES, (double) successes,
        Kpis.REQUEST_RATE, requests / intervalSeconds,
        Kpis.SUCCESS_RATIO, any ? (double) successes / requests : Double.NaN,
        Kpis.LATENCY_P50_MS, any ? histogram.getValueAtPercentile(50) / 1000.0 : Double.NaN,
        Kpis.LATENCY_P90_MS, any ? histogram.getValueAtPercentile(90) / 1000.0 : Double.NaN,
        Kpis.LATENCY_P99_MS, any ? histogram.getValueAtPercentile(99) / 1000.0 : Double.NaN,
        Kpis.LATENCY_P999_MS, any ? histogram.getValueAtPercentile(99.9) / 1000.0 : Double.NaN,
        Kpis.LATENCY_MAX_MS, any ? histogram.getMaxValue() / 1000.0 : Double.NaN);
  }

  private static final class Bucket {
    final ConcurrentHistogram latency = new ConcurrentHistogram(3);
    final LongAdder successes = new LongAdder();
    final LongAdder failures = new LongAdder();
    final java.util.concurrent.atomic.AtomicInteger writers = new java.util.concurrent.atomic.AtomicInteger();
    volatile boolean closed;
  }
}
