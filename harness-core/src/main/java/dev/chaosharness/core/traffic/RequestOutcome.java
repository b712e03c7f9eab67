package dev.chaosharness.core.traffic;

import java.util.Locale;

/** How one synthetic request ended. Thread-safe (an enum). */
public enum RequestOutcome {
  /** The response had a status the scenario expects. */
  OK,
  /** An unexpected 4xx status (or another unexpected status below 500). */
  CLIENT_ERROR,
  /** A 5xx status. */
  SERVER_ERROR,
  /** No response: refused, reset or timed out. */
  NO_RESPONSE;

  /** The name used in the traffic log and metrics, for example {@code no-response}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a label written by {@link #label()}.
   *
   * @throws IllegalArgumentException if {@code label} is not one
   */
  public static RequestOutcome ofLabel(String label) {
    for (RequestOutcome outcome : values()) {
      if (outcome.label().equals(label)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException(
        "outcome must be one of [ok, client-error, server-error, no-response], but was '" + label + "'");
  }

  /** Classifies a response status given whether the scenario expected it; 0 means no response. */
  public static RequestOutcome classify(int status, boolean expected) {
    if (status <= 0) {
      return NO_RESPONSE;
    }
    if (expected) {
      return OK;
    }
    return status >= 500 ? SERVER_ERROR : CLIENT_ERROR;
  }
}
