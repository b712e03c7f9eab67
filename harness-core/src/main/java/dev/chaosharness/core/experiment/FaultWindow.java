package dev.chaosharness.core.experiment;

import java.time.Instant;
import java.util.Objects;

/**
 * One fault's time in the system: the shaded window of the report's charts.
 *
 * @param fault the fault's description, for example {@code latency 200ms on payment->provider}
 * @param injectedAt when it was injected
 * @param revertedAt when it was reverted
 */
public record FaultWindow(String fault, Instant injectedAt, Instant revertedAt) {

  /** Validates the fields. */
  public FaultWindow {
    Objects.requireNonNull(fault, "fault must not be null");
    Objects.requireNonNull(injectedAt, "injectedAt must not be null");
    Objects.requireNonNull(revertedAt, "revertedAt must not be null");
  }
}
