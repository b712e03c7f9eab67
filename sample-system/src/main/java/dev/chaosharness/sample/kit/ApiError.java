package dev.chaosharness.sample.kit;

/**
 * A request the service refuses: rendered as {@code {"error": message, "field": field}} with the
 * given status.
 *
 * <p>Immutable.
 */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String field;

  /**
   * Creates the error.
   *
   * @param status the HTTP status, 4xx
   * @param field the offending field, header or {@code body}
   * @param message what is wrong and what is expected
   */
  public ApiError(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * Returns the offending field.
   *
   * @return the field name
   */
  public String field() {
    return field;
  }
}
