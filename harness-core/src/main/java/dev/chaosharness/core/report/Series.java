package dev.chaosharness.core.report;

import java.util.Objects;

/**
 * One line of a chart: a name for the legend, the CSS class that colours it, and one value per
 * instant of the chart (NaN where there was no data; the line breaks there).
 *
 * @param name the legend's name, for example {@code p99}
 * @param cssClass the CSS class of the line, for example {@code s-p99}
 * @param values the values, aligned with the chart's instants
 */
record Series(String name, String cssClass, double[] values) {

  /** Validates the fields. */
  Series {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(cssClass, "cssClass must not be null");
    Objects.requireNonNull(values, "values must not be null");
  }
}
