package io.camelpcluster.pcluster.api;

/**
 * No answer was received: the connection failed, broke or timed out, on every attempt allowed. For
 * Create/UpdateCluster and BuildImage it is unknown whether the request took effect.
 */
public class ParallelClusterConnectionException extends ParallelClusterException {
  private static final long serialVersionUID = 1L;

  public ParallelClusterConnectionException(String operation, String message, Throwable cause) {
    super(operation, message, cause);
  }
}
