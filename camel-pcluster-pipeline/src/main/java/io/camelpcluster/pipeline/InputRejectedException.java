package io.camelpcluster.pipeline;

/**
 * An input the pipeline refuses before creating any cluster (empty, or larger than the pipeline
 * stages). The message names the input safely and says why.
 */
public class InputRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InputRejectedException(String message) {
    super(message);
  }
}
