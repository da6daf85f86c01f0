package io.camelpcluster.pcluster.api;

/**
 * 429 Too Many Requests: throttled by API Gateway or by an AWS service behind it. Thrown once the
 * retries are used up.
 */
public class LimitExceededException extends ParallelClusterServiceException {
  private static final long serialVersionUID = 1L;

  public LimitExceededException(
      String message,
      String operation,
      int statusCode,
      String serviceMessage,
      String requestId,
      String errorType) {
    super(message, operation, statusCode, serviceMessage, requestId, errorType);
  }
}
