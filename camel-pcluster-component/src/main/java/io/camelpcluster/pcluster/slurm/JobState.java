package io.camelpcluster.pcluster.slurm;

/**
 * The few states a job is in, whatever Slurm calls them. Slurm's own state is kept beside it in
 * {@link SlurmJob#rawState()}; {@link SlurmState} does the mapping.
 */
public enum JobState {
  /** Waiting to start: pending, held, requeued, or its nodes are still being configured. */
  QUEUED,
  /** Started and not yet over: running, suspended, stopped, resizing or completing. */
  RUNNING,
  /** Finished with exit code 0 and no signal. */
  COMPLETED,
  /** Finished otherwise: non-zero exit, signal, node or boot failure, out of memory, preempted. */
  FAILED,
  /** Cancelled by a user, an administrator or a federation sibling. */
  CANCELLED,
  /** Killed on reaching its time limit or deadline. */
  TIMEOUT,
  /** Not known: a state this code does not recognise, or a job gone without a record. */
  UNKNOWN;

  /** Whether the job is over; a terminal state never changes again. */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED || this == TIMEOUT;
  }
}
