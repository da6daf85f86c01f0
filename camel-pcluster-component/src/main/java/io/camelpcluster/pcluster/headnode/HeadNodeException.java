package io.camelpcluster.pcluster.headnode;

/**
 * The head node could not be reached or used: connection, login, host key, channel or file transfer
 * failures, and an access that is closed.
 */
public class HeadNodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HeadNodeException(String message) {
    super(message);
  }

  public HeadNodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
