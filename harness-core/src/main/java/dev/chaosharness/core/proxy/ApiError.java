package dev.chaosharness.core.proxy;

/**
 * An API failure with its HTTP status, rendered as Toxiproxy's {@code {"error": ..., "status": N}}.
 *
 * <p>Messages keep Toxiproxy's wording as a prefix ({@code bad request body}, {@code proxy not
 * found}) so clients that match on it keep working, then name the field and the bad value.
 */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  ApiError(int status, String message) {
    super(message);
    this.status = status;
  }

  ApiError(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiError badBody(String detail) {
    return new ApiError(400, "bad request body: " + detail);
  }

  static ApiError missingField(String field) {
    return new ApiError(400, "missing required field: " + field);
  }

  static ApiError proxyExists(String name) {
    return new ApiError(409, "proxy already exists: " + name);
  }

  static ApiError toxicNotFound(String name, java.util.List<String> known) {
    return new ApiError(404, "toxic not found: " + name + "; known toxics: " + known);
  }

  static ApiError toxicExists(String name) {
    return new ApiError(409, "toxic already exists: " + name);
  }
}
