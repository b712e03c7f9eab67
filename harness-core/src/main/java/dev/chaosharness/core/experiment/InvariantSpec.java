package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The saga invariants an experiment checks over the history observed during the run.
 *
 * @param checkers the checkers, from {@link #KNOWN}, in file order
 * @param sagaSpec the saga specification file, resolved against the experiment's folder; empty
 *     for the bundled sample shop's {@code sample-saga.yaml}
 * @param deadline how long a saga may take to reach its terminal event (default 30 s)
 * @param location where it was written
 */
public record InvariantSpec(List<String> checkers, Optional<java.nio.file.Path> sagaSpec, Duration deadline,
    Location location) {

  /** The checker names, as {@code SagaChecker} names them. */
  public static final List<String> KNOWN = List.of("ordering", "idempotency", "no-loss", "compensation");

  /** Validates the fields. */
  public InvariantSpec {
    checkers = List.copyOf(checkers);
    Objects.requireNonNull(sagaSpec, "sagaSpec must not be null");
    Objects.requireNonNull(deadline, "deadline must not be null");
    Objects.requireNonNull(location, "location must not be null");
  }
}
