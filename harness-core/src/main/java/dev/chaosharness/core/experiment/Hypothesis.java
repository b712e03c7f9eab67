package dev.chaosharness.core.experiment;

import java.util.List;
import java.util.Objects;

/**
 * The steady-state hypothesis: probes, each with a tolerance, that all hold when the system is healthy.
 *
 * @param title its title
 * @param probes its probes, in order
 */
public record Hypothesis(String title, List<Activity> probes) {

  /** Validates and copies the fields. */
  public Hypothesis {
    Objects.requireNonNull(title, "title must not be null");
    probes = List.copyOf(probes);
  }
}
