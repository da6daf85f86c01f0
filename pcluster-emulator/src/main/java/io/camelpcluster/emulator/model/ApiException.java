package io.camelpcluster.emulator.model;

/** An error answer of the API, thrown from anywhere below an operation and rendered once. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final Responses.Error body;

  private ApiException(int status, Responses.Error body) {
    super(body.message(), null, false, false);
    this.status = status;
    this.body = body;
  }

  /** 400 with the {@code Bad Request: } prefix of generic 400s. */
  public static ApiException badRequest(String message) {
    return new ApiException(400, Responses.Error.of("Bad Request: " + message));
  }

  /** 404. */
  public static ApiException notFound(String message) {
    return new ApiException(404, Responses.Error.of(message));
  }

  /** 409. */
  public static ApiException conflict(String message) {
    return new ApiException(409, Responses.Error.of(message));
  }

  /** 500. */
  public static ApiException internal(String message) {
    return new ApiException(500, Responses.Error.of(message));
  }

  /** Any status with a detailed body (validation failures, dry runs). */
  public static ApiException withBody(int status, Responses.Error body) {
    return new ApiException(status, body);
  }

  /** The status code. */
  public int status() {
    return status;
  }

  /** The answer's body. */
  public Responses.Error body() {
    return body;
  }
}
