package io.camelpcluster.pcluster.api;

/**
 * 404 Not Found: the cluster, image or log stream does not exist (also once a deletion has
 * finished).
 */
public class NotFoundException extends ParallelClusterServiceException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(
      String message,
      String operation,
      int statusCode,
      String serviceMessage,
      String requestId,
      String errorType) {
    super(message, operation, statusCode, serviceMessage, requestId, errorType);
  }
}
