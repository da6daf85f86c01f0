package io.camelpcluster.pcluster.slurm;

/** Output of a Slurm command that cannot be understood, or an error Slurm reported. */
public class SlurmOutputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SlurmOutputException(String message) {
    super(message);
  }

  public SlurmOutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
