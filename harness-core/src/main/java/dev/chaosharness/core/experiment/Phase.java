package dev.chaosharness.core.experiment;

import java.util.Locale;

/**
 * The runner's phases, in order.
 *
 * <pre>
 * ENVIRONMENT → WARM_UP → BASELINE → INJECT → OBSERVE → REVERT → RECOVER → DRAIN_AND_CHECK → REPORT
 *                               │ (hypothesis not met: deviated, skip to REPORT)
 *                               any phase ──(abort, failure, interrupt)──► rollbacks ──► REPORT
 * </pre>
 */
public enum Phase {
  /** Start or reach the target. */
  ENVIRONMENT,
  /** Traffic runs; nothing is measured yet. */
  WARM_UP,
  /** The steady-state hypothesis is checked before any fault. */
  BASELINE,
  /** The method's actions and faults are applied. */
  INJECT,
  /** The system runs with the faults in place. */
  OBSERVE,
  /** Faults are reverted and rollbacks run. */
  REVERT,
  /** The system recovers; the hypothesis is checked again. */
  RECOVER,
  /** Traffic stops, in-flight sagas drain, the history is checked against the invariants. */
  DRAIN_AND_CHECK,
  /** The journal and report are written. */
  REPORT;

  /** Returns the journal's spelling, for example {@code drain-and-check}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
