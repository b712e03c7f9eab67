package dev.chaosharness.core.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a fault did to the steady state and how fast the system came back, measured on the
 * timeline (resolution: one sampling interval).
 *
 * <p>Immutable and thread-safe.
 *
 * @param injectedAt when the fault was injected
 * @param revertedAt when the fault was reverted
 * @param detectedAt the end of the first sample after injection out of tolerance, if any
 * @param recoveredAt the end of the first sample, after the revert, of the first run of
 *     consecutive samples in which the steady state holds; empty when it never did
 * @param failingProbe the first probe that failed, as text; empty when none failed
 * @param lastFailure the end of the last sample out of tolerance before recovery, if any
 */
public record Recovery(Instant injectedAt, Instant revertedAt, Optional<Instant> detectedAt, Optional<Instant> recoveredAt,
    Optional<String> failingProbe, Optional<Instant> lastFailure) {

  /** Returns the time from injection to detection, when the fault was detected. */
  public Optional<Duration> timeToDetect() {
    return detectedAt.map(d -> Duration.between(injectedAt, d));
  }

  /** Returns the time from the revert until the steady state held again, when it did. */
  public Optional<Duration> timeToRecover() {
    return recoveredAt.map(r -> r.isBefore(revertedAt) ? Duration.ZERO : Duration.between(revertedAt, r));
  }

  /** Returns how long the steady state was broken: detection to recovery (zero when undetected). */
  public Duration impactDuration() {
    if (detectedAt.isEmpty()) {
      return Duration.ZERO;
    }
    return Duration.between(detectedAt.get(), recoveredAt.orElse(lastFailure.orElse(detectedAt.get())));
  }

  /** Returns whether the steady state held again within {@code goal} after the revert. */
  public boolean recoveredWithin(Duration goal) {
    return timeToRecover().map(t -> t.compareTo(goal) <= 0).orElse(false);
  }

  /** Returns whether the fault was detected within {@code goal} after injection. */
  public boolean detectedWithin(Duration goal) {
    return timeToDetect().map(t -> t.compareTo(goal) <= 0).orElse(false);
  }

  /**
   * Asserts recovery within {@code goal}.
   *
   * @throws AssertionError saying what was awaited, for how long, and what was observed
   */
  public Recovery assertRecoveredWithin(Duration goal) {
    if (!recoveredWithin(goal)) {
      throw new AssertionError(recoveredAt.isEmpty()
          ? "expected recovery within " + seconds(goal) + " of the revert at " + revertedAt
              + ", but the steady state never held again; last sample out of tolerance ended at "
              + lastFailure.map(Instant::toString).orElse("(none)") + ", first failing probe: " + failingProbe.orElse("(none)")
          : "expected recovery within " + seconds(goal) + " of the revert at " + revertedAt + ", but it took "
              + seconds(timeToRecover().orElseThrow()) + " (first failing probe: " + failingProbe.orElse("(none)") + ")");
    }
    return this;
  }

  private static String seconds(Duration d) {
    return d.toMillis() / 1000.0 + " s";
  }
}
