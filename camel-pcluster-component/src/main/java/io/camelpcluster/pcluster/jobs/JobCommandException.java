package io.camelpcluster.pcluster.jobs;

/** A Slurm command on the head node failed, e.g. sbatch refused a job; carries Slurm's reason. */
public class JobCommandException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public JobCommandException(String label, int exitCode, String reason) {
    super(label + " failed (exit " + exitCode + ")" + (reason.isEmpty() ? "" : ": " + reason));
    this.exitCode = exitCode;
  }

  /** The command's exit status. */
  public int exitCode() {
    return exitCode;
  }
}
