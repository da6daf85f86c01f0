package io.camelpcluster.pcluster.api;

/**
 * Base of every failure of the ParallelCluster client: an error answer of the service ({@link
 * ParallelClusterServiceException}), a request refused before sending ({@link
 * ClientValidationException}) or no answer at all ({@link ParallelClusterConnectionException}).
 */
public class ParallelClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operation;

  public ParallelClusterException(String operation, String message, Throwable cause) {
    super(message, cause);
    this.operation = operation;
  }

  /** The API operation that failed, e.g. {@code CreateCluster}; null when not tied to one. */
  public String operation() {
    return operation;
  }
}
