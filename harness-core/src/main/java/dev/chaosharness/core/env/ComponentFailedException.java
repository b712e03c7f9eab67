package dev.chaosharness.core.env;

import java.nio.file.Path;

/**
 * A component of an environment (a broker, a database, a service) failed to start or to
 * become ready; the message names the component, what happened and where its log is.
 */
public final class ComponentFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String component;

  /** Creates the error for {@code component}; {@code log} may be {@code null}. */
  public ComponentFailedException(String component, String what, Path log, Throwable cause) {
    super(message(component, what, log), cause);
    this.component = component;
  }

  /** Creates the error without a cause. */
  public ComponentFailedException(String component, String what, Path log) {
    this(component, what, log, null);
  }

  /** The name of the component that failed. */
  public String component() {
    return component;
  }

  private static String message(String component, String what, Path log) {
    return "component '" + component + "' " + what + (log == null ? "" : "; log: " + log);
  }
}
