package dev.chaosharness.core.kpi;

import java.time.Duration;

/**
 * Settings of a KPI timeline: the sampling interval and how long the sampler waits past an
 * interval's end for late recordings before it closes the interval.
 *
 * <p>Immutable and thread-safe.
 */
public final class TimelineConfig {

  private final Duration interval;
  private final Duration grace;

  private TimelineConfig(Builder builder) {
    this.interval = builder.interval;
    this.grace = builder.grace;
  }

  /** Returns the defaults: a sample every second, 100 ms grace. */
  public static TimelineConfig ofDefaults() {
    return builder().build();
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the sampling interval. */
  public Duration interval() {
    return interval;
  }

  /** Returns how long past an interval's end the sampler waits before closing it. */
  public Duration grace() {
    return grace;
  }

  /** Builds a {@link TimelineConfig}; each setter validates at once. Not thread-safe. */
  public static final class Builder {
    private Duration interval = Duration.ofSeconds(1);
    private Duration grace = Duration.ofMillis(100);

    private Builder() {}

    /** Sets the sampling interval, at least 1 ms (default 1 s). */
    public Builder interval(Duration interval) {
      if (interval == null || interval.toMillis() < 1) {
        throw new IllegalArgumentException("interval must be at least 1 ms, but was " + interval);
      }
      this.interval = interval;
      return this;
    }

    /** Sets the grace for late recordings, within [0, interval] (default 100 ms). */
    public Builder grace(Duration grace) {
      if (grace == null || grace.isNegative()) {
        throw new IllegalArgumentException("grace must be >= 0, but was " + grace);
      }
      this.grace = grace;
      return this;
    }

    /** Builds the configuration. */
    public TimelineConfig build() {
      if (grace.compareTo(interval) > 0) {
        throw new IllegalArgumentException("grace must not exceed the interval " + interval + ", but was " + grace);
      }
      return new TimelineConfig(this);
    }
  }
}
