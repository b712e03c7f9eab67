package dev.chaosharness.core.kpi;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One steady-state condition over the timeline, with its tolerance: a value at most or at
 * least a bound, over a trailing window (default: the sample alone).
 *
 * <pre>{@code
 * Probe ok = Probe.successRatioAtLeast(0.99).over(Duration.ofSeconds(5)).named("checkout succeeds");
 * Probe fast = Probe.atMost(Kpis.LATENCY_P99_MS, 500);
 * Probe lag = Probe.atMost("kafka:consumer_lag", 100);
 * }</pre>
 *
 * <p>Over a window, the success ratio is successes over requests of all its samples; any
 * other value is the mean of the samples that have it, so one late or empty sample does not
 * break a rate on its own ({@link Kpis#overWindow}). A window without data breaks the probe.
 * Immutable and thread-safe.
 *
 * @param name the name shown in reports, or {@code null} to show the condition itself
 * @param metric the sample value the probe reads
 * @param atMost true for an upper bound, false for a lower bound
 * @param bound the bound
 * @param window the trailing window the probe looks at; zero means the sample alone
 */
public record Probe(String name, String metric, boolean atMost, double bound, Duration window) {

  /** Validates the fields. */
  public Probe {
    Objects.requireNonNull(metric, "metric must not be null");
    if (Double.isNaN(bound)) {
      throw new IllegalArgumentException("bound must be a number, but was NaN");
    }
    if (window == null || window.isNegative()) {
      throw new IllegalArgumentException("window must be >= 0, but was " + window);
    }
  }

  /** The value {@code metric} must stay at most {@code bound}. */
  public static Probe atMost(String metric, double bound) {
    return new Probe(null, metric, true, bound, Duration.ZERO);
  }

  /** The value {@code metric} must stay at least {@code bound}. */
  public static Probe atLeast(String metric, double bound) {
    return new Probe(null, metric, false, bound, Duration.ZERO);
  }

  /** The harness-side success ratio must stay at least {@code ratio}, within [0, 1]. */
  public static Probe successRatioAtLeast(double ratio) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("ratio must be within [0.0, 1.0], but was " + ratio);
    }
    return atLeast(Kpis.SUCCESS_RATIO, ratio);
  }

  /** The harness-side p99 latency must stay at most {@code latency}. */
  public static Probe p99AtMost(Duration latency) {
    return atMost(Kpis.LATENCY_P99_MS, latency.toNanos() / 1e6);
  }

  /** Returns this probe looking at a trailing {@code window}. */
  public Probe over(Duration window) {
    return new Probe(name, metric, atMost, bound, window);
  }

  /** Returns this probe with a name for reports, for example {@code checkout succeeds}. */
  public Probe named(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, but was '" + name + "'");
    }
    return new Probe(name, metric, atMost, bound, window);
  }

  /** Returns whether the probe holds at the last sample of {@code window} (oldest first, non-empty). */
  boolean holds(List<KpiSample> window) {
    return within(Kpis.overWindow(window, metric));
  }

  private boolean within(double value) {
    return !Double.isNaN(value) && (atMost ? value <= bound : value >= bound);
  }

  /**
   * Returns the probe as a person reads it: {@code requests.success_ratio >= 0.99 over 5.0 s},
   * prefixed by its name when it has one ({@code checkout succeeds: ...}).
   */
  @Override
  public String toString() {
    return (name == null ? "" : name + ": ") + metric + (atMost ? " <= " : " >= ") + String.format(Locale.ROOT, "%s", bound)
        + (window.isZero() ? "" : " over " + window.toMillis() / 1000.0 + " s");
  }
}
