package io.camelpcluster.console.http;

import java.util.Map;

/**
 * A console request that cannot be served, with the HTTP status and the message the browser shows.
 * {@code details} are extra JSON fields of the error body (e.g. validation messages).
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Map<String, Object> details;

  public ApiException(int status, String message) {
    this(status, message, Map.of());
  }

  public ApiException(int status, String message, Map<String, Object> details) {
    super(message);
    this.status = status;
    this.details = Map.copyOf(details);
  }

  public int status() {
    return status;
  }

  public Map<String, Object> details() {
    return details;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }
}
