package io.camelpcluster.pipeline;

import io.camelpcluster.pcluster.slurm.JobState;

/**
 * The run's job ended other than COMPLETED (FAILED, CANCELLED, TIMEOUT, lost): the run fails after
 * the job log was stored; the error report carries the log's tail.
 */
public final class JobNotCompletedException extends RuntimeException {

  private final String jobId;
  private final JobState state;

  JobNotCompletedException(String jobId, JobState state, Integer exitCode, String reason) {
    super(
        "job "
            + jobId
            + " ended "
            + state
            + (exitCode == null ? "" : " with exit code " + exitCode)
            + (reason == null || reason.isBlank() ? "" : " (" + reason + ")"));
    this.jobId = jobId;
    this.state = state;
  }

  /** The Slurm job id. */
  public String jobId() {
    return jobId;
  }

  /** The state the job ended in. */
  public JobState state() {
    return state;
  }
}
