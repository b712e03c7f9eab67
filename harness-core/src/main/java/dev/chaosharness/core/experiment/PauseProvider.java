package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.Objects;

/**
 * An activity of {@code type: pause}: waits, for example between two faults.
 *
 * @param duration how long
 */
public record PauseProvider(Duration duration) implements Provider {

  /** Validates the fields. */
  public PauseProvider {
    Objects.requireNonNull(duration, "duration must not be null");
  }

  @Override
  public String type() {
    return "pause";
  }

  @Override
  public String describe() {
    return "pause " + DurationText.format(duration);
  }
}
