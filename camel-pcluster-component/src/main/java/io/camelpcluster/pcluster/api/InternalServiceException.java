package io.camelpcluster.pcluster.api;

/** 500 Internal Server Error: an unexpected failure inside the service. */
public class InternalServiceException extends ParallelClusterServiceException {
  private static final long serialVersionUID = 1L;

  public InternalServiceException(
      String message,
      String operation,
      int statusCode,
      String serviceMessage,
      String requestId,
      String errorType) {
    super(message, operation, statusCode, serviceMessage, requestId, errorType);
  }
}
