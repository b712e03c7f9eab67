package dev.chaosharness.experiments.cli;

/** Bad input given to a command (a file, an option value); exits with code 2. */
public final class UserError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an error whose message points at the bad input and says how to fix it. */
  public UserError(String message) {
    super(message);
  }

  /** Creates an error for bad input, keeping the cause. */
  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
