package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When one phase of a run started and ended.
 *
 * @param phase the phase
 * @param start when it started
 * @param end when it ended
 */
public record PhaseSpan(Phase phase, Instant start, Instant end) {

  /** Validates the fields. */
  public PhaseSpan {
    Objects.requireNonNull(phase, "phase must not be null");
    Objects.requireNonNull(start, "start must not be null");
    Objects.requireNonNull(end, "end must not be null");
  }

  /** Returns how long the phase took. */
  public Duration duration() {
    return Duration.between(start, end);
  }
}
