package dev.chaosharness.core.experiment;

import dev.chaosharness.core.env.Environment;
import dev.chaosharness.core.target.TargetDescription;
import java.time.Clock;
import java.util.Objects;

/**
 * What a {@link FaultKind} may use to create a fault for a run: the environment (its target
 * description names Kafka, services and links) and the run's clock.
 *
 * @param environment the running environment
 * @param clock the run's clock
 */
public record FaultContext(Environment environment, Clock clock) {

  /** Validates the fields. */
  public FaultContext {
    Objects.requireNonNull(environment, "environment must not be null");
    Objects.requireNonNull(clock, "clock must not be null");
  }

  /** The environment's target description. */
  public TargetDescription target() {
    return environment.target();
  }
}
