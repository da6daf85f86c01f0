package io.camelpcluster.pcluster.api;

/** 401 Unauthorized: declared by the API on every operation, though the service never sends it. */
public class UnauthorizedException extends ParallelClusterServiceException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(
      String message,
      String operation,
      int statusCode,
      String serviceMessage,
      String requestId,
      String errorType) {
    super(message, operation, statusCode, serviceMessage, requestId, errorType);
  }
}
