package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One goal of an experiment: a bound on time-to-detect, time-to-recover or impact duration, or
 * a floor on the success ratio while faults were in.
 *
 * @param kind which goal
 * @param limit the bound for the time goals
 * @param ratio the floor for {@link Kind#SUCCESS_RATIO_DURING_FAULT}
 * @param location where it was written
 */
public record Goal(Kind kind, Duration limit, double ratio, Location location) {

  /** The goals the harness measures. */
  public enum Kind {
    /** Injection to the first sample out of the steady state: at most the limit. */
    TIME_TO_DETECT,
    /** The revert to the steady state holding again: at most the limit. */
    TIME_TO_RECOVER,
    /** Detection to recovery: at most the limit. */
    IMPACT_DURATION,
    /** Successes over requests between the first injection and the last revert: at least the ratio. */
    SUCCESS_RATIO_DURING_FAULT;

    /** The file's spelling, for example {@code time-to-recover}. */
    public String fileName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Validates the fields. */
  public Goal {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(limit, "limit must not be null");
    Objects.requireNonNull(location, "location must not be null");
  }

  /** The goal as text, for example {@code <= 20s} or {@code >= 0.5}. */
  public String target() {
    return kind == Kind.SUCCESS_RATIO_DURING_FAULT ? ">= " + ratio : "<= " + DurationText.format(limit);
  }
}
