package dev.chaosharness.core.kpi;

import java.time.Instant;
import java.util.Map;

/**
 * A source of target-side values for the timeline, read once per sampling round (for example a
 * Prometheus endpoint, see {@link PrometheusSource}).
 *
 * <p>Called from the sampler thread only. Implementations never throw: on failure they log a
 * warning and return no values, so the timeline keeps its pace.
 */
public interface MetricSource {

  /** Returns the values at {@code now}, named {@code <source>:<metric>}; empty on failure. */
  Map<String, Double> read(Instant now);
}
