package dev.chaosharness.experiments.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one clear line on stderr and an exit code.
 *
 * <p>{@link UserError}s are bad input (exit 2); anything else is a failure to run (exit 3).
 * The full stack trace is printed only with {@code HARNESS_DEBUG=1}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    cmd.getErr().println(cmd.getColorScheme().errorText("harness: " + message(e)));
    if ("1".equals(System.getenv("HARNESS_DEBUG"))) {
      e.printStackTrace(cmd.getErr());
    }
    return e instanceof UserError ? HarnessCommand.EXIT_USAGE : HarnessCommand.EXIT_ERROR;
  }

  private static String message(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(": ").append(cause.getMessage());
      }
    }
    return text.toString();
  }
}
