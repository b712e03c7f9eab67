package dev.chaosharness.core.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the KPIs into a {@link Timeline} at a fixed interval.
 *
 * <pre>{@code
 * try (TimelineSampler sampler = TimelineSampler.start(TimelineConfig.ofDefaults(), Clock.systemUTC(), List.of(payments))) {
 *   driver.run(sampler.recorder());
 * }
 * Timeline timeline = sampler.timeline();
 * }</pre>
 *
 * <p>It never misses a sample: each round emits every interval that has ended (plus grace)
 * since the last round, stamped with the interval's intended end, and each interval holds the
 * requests that completed in it, however late the round runs (under full CPU load, or a
 * paused JVM). Target sources are read once per round; intervals caught up in one round share
 * that reading. Thread-safe; {@link #close()} emits the intervals already ended and is idempotent.
 */
public final class TimelineSampler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TimelineSampler.class);

  private final TimelineConfig config;
  private final Clock clock;
  private final List<MetricSource> sources;
  private final KpiRecorder recorder;
  private final Timeline timeline;
  private final ScheduledExecutorService scheduler;
  private ScheduledFuture<?> task;
  private long next;
  private boolean closed;

  TimelineSampler(TimelineConfig config, Clock clock, List<MetricSource> sources, ScheduledExecutorService scheduler) {
    this.config = config;
    this.clock = clock;
    this.sources = List.copyOf(sources);
    this.recorder = new KpiRecorder(clock.instant(), config.interval());
    this.timeline = new Timeline(config.interval());
    this.scheduler = scheduler;
  }

  /** Starts sampling now, on a daemon thread of its own. */
  public static TimelineSampler start(TimelineConfig config, Clock clock, List<MetricSource> sources) {
    return start(config, clock, sources, Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "kpi-timeline-sampler");
      thread.setDaemon(true);
      thread.setPriority(Thread.MAX_PRIORITY);
      return thread;
    }));
  }

  /**
   * Starts sampling now on {@code scheduler}, which the sampler shuts down on {@link #close()};
   * the rounds run ten times per interval and catch up on whatever the clock says has ended.
   */
  public static TimelineSampler start(TimelineConfig config, Clock clock, List<MetricSource> sources,
      ScheduledExecutorService scheduler) {
    TimelineSampler sampler = new TimelineSampler(config, clock, sources, scheduler);
    long period = Math.max(1, config.interval().toMillis() / 10);
    sampler.task = scheduler.scheduleAtFixedRate(sampler::sampleDueSafely, period, period, TimeUnit.MILLISECONDS);
    return sampler;
  }

  /** Returns the recorder traffic drivers feed. */
  public KpiRecorder recorder() {
    return recorder;
  }

  /** Returns the timeline, growing while the sampler runs. */
  public Timeline timeline() {
    return timeline;
  }

  private void sampleDueSafely() {
    try {
      sampleDue();
    } catch (RuntimeException e) {
      LOG.warn("KPI sampling round failed; the next round catches up", e);
    }
  }

  /** Emits every interval that has ended (plus grace) by the clock's now; returns how many. */
  synchronized int sampleDue() {
    Instant now = clock.instant();
    Duration interval = config.interval();
    long elapsed = Duration.between(recorder.origin(), now.minus(config.grace())).toNanos();
    long due = Math.floorDiv(elapsed, interval.toNanos()); // intervals [0, due) have ended
    if (due <= next || closed) {
      return 0;
    }
    Map<String, Double> target = new HashMap<>();
    for (MetricSource source : sources) {
      target.putAll(source.read(now));
    }
    double seconds = interval.toNanos() / 1e9;
    int emitted = 0;
    for (; next < due; next++, emitted++) {
      Map<String, Double> values = new HashMap<>(target);
      values.putAll(recorder.close(next, seconds));
      timeline.append(new KpiSample(next, recorder.origin().plus(interval.multipliedBy(next + 1)), values));
    }
    if (emitted > 1) {
      LOG.debug("KPI sampler caught up {} intervals", emitted);
    }
    return emitted;
  }

  /** Emits the intervals that have ended, stops sampling; idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      if (task != null) {
        task.cancel(false);
      }
    }
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      sampleDueSafely();
      closed = true;
    }
  }
}
