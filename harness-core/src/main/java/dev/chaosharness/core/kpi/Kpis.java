package dev.chaosharness.core.kpi;

import java.util.List;

/** Names of the harness-side values in every {@link KpiSample}. */
public final class Kpis {

  /** Requests completed in the interval. */
  public static final String REQUESTS = "requests.count";
  /** Successful requests completed in the interval. */
  public static final String SUCCESSES = "requests.successes";
  /** Requests completed per second. */
  public static final String REQUEST_RATE = "requests.rate";
  /** Successes over requests in the interval; NaN when no request completed. */
  public static final String SUCCESS_RATIO = "requests.success_ratio";
  /** Median latency from the intended send time, in milliseconds; NaN without requests. */
  public static final String LATENCY_P50_MS = "latency.p50_ms";
  /** 90th percentile latency in milliseconds. */
  public static final String LATENCY_P90_MS = "latency.p90_ms";
  /** 99th percentile latency in milliseconds. */
  public static final String LATENCY_P99_MS = "latency.p99_ms";
  /** 99.9th percentile latency in milliseconds. */
  public static final String LATENCY_P999_MS = "latency.p999_ms";
  /** Highest latency in milliseconds. */
  public static final String LATENCY_MAX_MS = "latency.max_ms";

  private Kpis() {}

  /**
   * Reads {@code metric} over a window of samples: the success ratio pooled (successes over
   * requests of all samples), any other value the mean of the samples that have it.
   *
   * @param samples the window, oldest first
   * @param metric the value to read
   * @return the reading; NaN when no sample of the window has data
   */
  public static double overWindow(List<KpiSample> samples, String metric) {
    if (metric.equals(SUCCESS_RATIO)) {
      double requests = samples.stream().mapToDouble(s -> nanToZero(s.value(REQUESTS))).sum();
      double successes = samples.stream().mapToDouble(s -> nanToZero(s.value(SUCCESSES))).sum();
      return requests > 0 ? successes / requests : Double.NaN;
    }
    return samples.stream().mapToDouble(s -> s.value(metric)).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
  }

  private static double nanToZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }
}
