package dev.chaosharness.sample.kit;

/**
 * A failure of infrastructure (database, broker, a dependency) rather than of the event: the
 * consumer retries the event later instead of sending it to the fault topic.
 *
 * <p>Immutable.
 */
public final class TransientFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param message what was unavailable
   * @param cause the underlying failure
   */
  public TransientFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
