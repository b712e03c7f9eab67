package dev.chaosharness.core.kpi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One point of the KPI timeline: the values measured over the interval that ends at
 * {@code at}. Harness-side values are named in {@link Kpis}; target values scraped from a
 * metrics endpoint are named {@code <source>:<metric>} (see {@link PrometheusSource}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param index the interval number since the timeline's origin (0 is the first)
 * @param at the intended end of the interval (origin + (index + 1) * interval)
 * @param values the values by name; a value may be NaN when there was no data
 */
public record KpiSample(long index, Instant at, Map<String, Double> values) {

  /** Validates and copies the values. */
  public KpiSample {
    Objects.requireNonNull(at, "at must not be null");
    values = Map.copyOf(values);
  }

  /** Returns the value {@code name}, or NaN when the sample lacks it. */
  public double value(String name) {
    Double value = values.get(name);
    return value == null ? Double.NaN : value;
  }
}
