package io.camelpcluster.pcluster.api;

/**
 * 409 Conflict: the cluster is busy (an update while a stack operation is in progress) or the image
 * already exists.
 */
public class ConflictException extends ParallelClusterServiceException {
  private static final long serialVersionUID = 1L;

  public ConflictException(
      String message,
      String operation,
      int statusCode,
      String serviceMessage,
      String requestId,
      String errorType) {
    super(message, operation, statusCode, serviceMessage, requestId, errorType);
  }
}
