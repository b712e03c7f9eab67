package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A safety floor: when a KPI stays below (or above) a bound for a while during the inject or
 * observe phase, the run halts, rolls back and ends {@code aborted}. A sample without data (NaN)
 * counts as out of bounds.
 *
 * @param metric the timeline value, for example {@code requests.success_ratio}
 * @param below true when the value must not stay below {@code bound}, false for above
 * @param bound the bound
 * @param duration how long it must stay out of bounds before the run aborts
 * @param location where it was written
 */
public record AbortCondition(String metric, boolean below, double bound, Duration duration, Location location) {

  /** Validates the fields. */
  public AbortCondition {
    Objects.requireNonNull(metric, "metric must not be null");
    Objects.requireNonNull(duration, "duration must not be null");
    Objects.requireNonNull(location, "location must not be null");
  }

  /** Whether {@code value} is out of bounds. */
  public boolean violatedBy(double value) {
    return Double.isNaN(value) || (below ? value < bound : value > bound);
  }

  @Override
  public String toString() {
    return metric + (below ? " below " : " above ") + String.format(Locale.ROOT, "%s", bound) + " for "
        + DurationText.format(duration);
  }
}
