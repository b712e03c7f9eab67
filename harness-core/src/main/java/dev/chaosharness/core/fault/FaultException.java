package dev.chaosharness.core.fault;

/** A fault could not be injected or reverted; the message names the fault, the target and the fix. */
public final class FaultException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that names the fault and the cause. */
  public FaultException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an exception with a message that names the fault. */
  public FaultException(String message) {
    super(message);
  }
}
