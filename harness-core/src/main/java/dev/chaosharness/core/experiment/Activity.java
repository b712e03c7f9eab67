package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One activity of the hypothesis, the method or the rollbacks: an action, a probe or a pause.
 *
 * @param name its name
 * @param type what it is
 * @param provider what it runs
 * @param tolerance what a probe's output must be, for hypothesis probes (and method probes that have one)
 * @param pauseBefore how long to pause before it
 * @param pauseAfter how long to pause after it
 * @param location where it was written
 */
public record Activity(String name, Type type, Provider provider, Optional<Tolerance> tolerance,
    Duration pauseBefore, Duration pauseAfter, Location location) {

  /** What an activity is. */
  public enum Type {
    /** Changes the system. */
    ACTION,
    /** Reads the system. */
    PROBE,
    /** Waits. */
    PAUSE;

    /** The file's and journal's spelling. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates the fields. */
  public Activity {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(provider, "provider must not be null");
    Objects.requireNonNull(tolerance, "tolerance must not be null");
    Objects.requireNonNull(pauseBefore, "pauseBefore must not be null");
    Objects.requireNonNull(pauseAfter, "pauseAfter must not be null");
    Objects.requireNonNull(location, "location must not be null");
  }
}
