package io.camelpcluster.pcluster.api;

/**
 * 403 Forbidden from API Gateway: missing, invalid or expired credentials, a bad signature, an
 * explicit IAM deny, or an unknown path.
 */
public class AccessDeniedException extends ParallelClusterServiceException {
  private static final long serialVersionUID = 1L;

  public AccessDeniedException(
      String message,
      String operation,
      int statusCode,
      String serviceMessage,
      String requestId,
      String errorType) {
    super(message, operation, statusCode, serviceMessage, requestId, errorType);
  }
}
