package dev.chaosharness.core.report;

import java.util.List;
import java.util.Objects;

/**
 * One chart's own content: its id, title, unit and lines.
 *
 * @param id the SVG element's id, unique in the page, for example {@code chart-rate}
 * @param title the chart's title, for example {@code Request rate}
 * @param unit the values' unit, for example {@code req/s}
 * @param fixedMax the top of the value axis, or NaN to fit the data
 * @param series the lines, drawn in order
 */
record ChartSpec(String id, String title, String unit, double fixedMax, List<Series> series) {

  /** Validates and copies the fields. */
  ChartSpec {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(title, "title must not be null");
    Objects.requireNonNull(unit, "unit must not be null");
    series = List.copyOf(series);
  }
}
