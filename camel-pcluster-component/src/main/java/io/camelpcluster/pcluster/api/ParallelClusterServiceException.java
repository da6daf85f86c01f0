package io.camelpcluster.pcluster.api;

/**
 * The service (or API Gateway in front of it) answered with an error status. Subclasses stand for
 * the statuses the API declares; this class itself for any other unexpected answer.
 */
public class ParallelClusterServiceException extends ParallelClusterException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String serviceMessage;
  private final String requestId;
  private final String errorType;

  /**
   * @param message the full, human-readable description
   * @param operation the API operation, e.g. {@code DescribeCluster}
   * @param statusCode the HTTP status
   * @param serviceMessage the {@code message} of the error body, or null
   * @param requestId the {@code x-amzn-RequestId} header, or null
   * @param errorType the {@code x-amzn-ErrorType} header of API Gateway, or null
   */
  public ParallelClusterServiceException(
      String message,
      String operation,
      int statusCode,
      String serviceMessage,
      String requestId,
      String errorType) {
    super(operation, message, null);
    this.statusCode = statusCode;
    this.serviceMessage = serviceMessage;
    this.requestId = requestId;
    this.errorType = errorType;
  }

  /** The HTTP status of the answer. */
  public int statusCode() {
    return statusCode;
  }

  /** The {@code message} of the error body as the service wrote it, or null. */
  public String serviceMessage() {
    return serviceMessage;
  }

  /** The request id of the answer ({@code x-amzn-RequestId}), or null. */
  public String requestId() {
    return requestId;
  }

  /**
   * The error type API Gateway reports ({@code x-amzn-ErrorType}, e.g. {@code
   * InvalidSignatureException}), or null.
   */
  public String errorType() {
    return errorType;
  }
}
