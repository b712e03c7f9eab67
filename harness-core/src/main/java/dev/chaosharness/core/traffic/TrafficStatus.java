package dev.chaosharness.core.traffic;

/** How a traffic run ended. Thread-safe (an enum). */
public enum TrafficStatus {
  /** The run injected its whole schedule and finished. */
  COMPLETED,
  /** The run was stopped early; the results cover what was sent until then. */
  STOPPED,
  /** The load generator failed; the results cover what was sent until then. */
  FAILED
}
