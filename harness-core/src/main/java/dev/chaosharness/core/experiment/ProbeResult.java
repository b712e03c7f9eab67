package dev.chaosharness.core.experiment;

import java.util.Objects;

/**
 * One probe of a steady-state hypothesis: what it measured against its tolerance.
 *
 * @param name the probe's name from the experiment file
 * @param value what the probe returned, as text (a status code, a KPI value)
 * @param tolerance the tolerance it was held to, as text (for example {@code 200} or {@code >= 0.99})
 * @param tolerated whether the value was within the tolerance
 */
public record ProbeResult(String name, String value, String tolerance, boolean tolerated) {

  /** Validates the fields. */
  public ProbeResult {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(value, "value must not be null");
    Objects.requireNonNull(tolerance, "tolerance must not be null");
  }
}
