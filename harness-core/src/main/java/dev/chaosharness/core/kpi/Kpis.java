package dev.chaosharness.core.kpi;

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
}
