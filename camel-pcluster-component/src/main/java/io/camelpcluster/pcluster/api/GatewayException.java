package io.camelpcluster.pcluster.api;

/**
 * 502, 503 or 504 from API Gateway: the service behind it failed, was unavailable or did not answer
 * in time ({@code Endpoint request timed out}). Thrown once the retries are used up; note that a
 * 504 does not tell whether the request took effect.
 */
public class GatewayException extends ParallelClusterServiceException {
  private static final long serialVersionUID = 1L;

  public GatewayException(
      String message,
      String operation,
      int statusCode,
      String serviceMessage,
      String requestId,
      String errorType) {
    super(message, operation, statusCode, serviceMessage, requestId, errorType);
  }
}
