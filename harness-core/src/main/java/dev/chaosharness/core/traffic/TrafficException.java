package dev.chaosharness.core.traffic;

/** A traffic run could not start or run: the target is unreachable, the load generator failed. */
public final class TrafficException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an error whose message names the subject, what was expected and the fix. */
  public TrafficException(String message) {
    super(message);
  }

  /** Creates an error keeping its cause. */
  public TrafficException(String message, Throwable cause) {
    super(message, cause);
  }
}
