package dev.chaosharness.core.experiment;

import java.util.Objects;

/**
 * The harness's {@code fault} provider: a fault of a registered {@link FaultKind}, injected
 * through the run's fault ledger and reverted in the revert phase (or whenever the run ends).
 *
 * @param kind the fault kind
 * @param spec the fault's fields
 */
public record FaultProvider(FaultKind kind, FaultSpec spec) implements Provider {

  /** Validates the fields. */
  public FaultProvider {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(spec, "spec must not be null");
  }

  @Override
  public String type() {
    return "fault";
  }

  @Override
  public String describe() {
    return spec.describe();
  }
}
