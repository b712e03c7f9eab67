package dev.chaosharness.core.experiment;

import dev.chaosharness.core.fault.Fault;
import dev.chaosharness.core.fault.FaultTarget;
import java.time.Clock;
import java.time.Instant;

/** Wraps a fault to record when it was injected and reverted, for the journal's fault windows. Thread-safe. */
final class TimedFault implements Fault {

  private final Fault fault;
  private final Clock clock;
  private volatile Instant injectedAt;
  private volatile Instant revertedAt;

  TimedFault(Fault fault, Clock clock) {
    this.fault = fault;
    this.clock = clock;
  }

  @Override
  public void inject(FaultTarget target) {
    Instant at = clock.instant();
    fault.inject(target);
    injectedAt = at;
  }

  @Override
  public void revert() {
    fault.revert();
    if (injectedAt != null && revertedAt == null) {
      revertedAt = clock.instant();
    }
  }

  @Override
  public String describe() {
    return fault.describe();
  }

  /** Whether it is injected and not yet reverted. */
  boolean active() {
    return injectedAt != null && revertedAt == null;
  }

  Instant injectedAt() {
    return injectedAt;
  }

  /** When it was reverted; for a fault with nothing to revert (a restart) or never reverted, {@code otherwise}. */
  Instant revertedAt(Instant otherwise) {
    return revertedAt != null ? revertedAt : otherwise;
  }

  FaultWindow window(Instant otherwise) {
    return new FaultWindow(describe(), injectedAt, revertedAt(otherwise));
  }
}
