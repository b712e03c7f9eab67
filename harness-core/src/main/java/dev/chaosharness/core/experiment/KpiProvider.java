package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.Objects;

/**
 * The harness's {@code kpi} provider: a value of the KPI timeline over a trailing window. The
 * success ratio is pooled (successes over requests of the window); any other value is the mean
 * of the window's samples.
 *
 * @param metric the timeline value, for example {@code requests.success_ratio} or {@code payment:provider_calls_total.rate}
 * @param window the trailing window (default 5 s)
 */
public record KpiProvider(String metric, Duration window) implements Provider {

  /** Validates the fields. */
  public KpiProvider {
    Objects.requireNonNull(metric, "metric must not be null");
    Objects.requireNonNull(window, "window must not be null");
  }

  @Override
  public String type() {
    return "kpi";
  }

  @Override
  public String describe() {
    return metric + " over " + DurationText.format(window);
  }
}
