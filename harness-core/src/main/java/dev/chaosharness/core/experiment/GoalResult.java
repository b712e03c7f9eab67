package dev.chaosharness.core.experiment;

import java.util.Objects;

/**
 * One goal of the experiment against what was measured.
 *
 * @param name the goal, for example {@code time-to-recover}
 * @param target what was asked, as text, for example {@code <= 15s}
 * @param measured what was measured, as text, for example {@code 4.0s} or {@code never recovered}
 * @param met whether the goal was met
 */
public record GoalResult(String name, String target, String measured, boolean met) {

  /** Validates the fields. */
  public GoalResult {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(target, "target must not be null");
    Objects.requireNonNull(measured, "measured must not be null");
  }
}
