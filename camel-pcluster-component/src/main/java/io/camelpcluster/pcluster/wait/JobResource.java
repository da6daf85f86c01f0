package io.camelpcluster.pcluster.wait;

import io.camelpcluster.pcluster.jobs.JobStatus;
import io.camelpcluster.pcluster.slurm.SlurmJob;
import java.util.concurrent.CompletableFuture;

/**
 * Slurm jobs as one status round of a {@link io.camelpcluster.pcluster.jobs.JobService} shows them.
 * A job waiter is decided by any final state: what a failed job means is for the caller.
 */
record JobResource() implements Resource<JobStatus, JobStatus> {

  /** What a waiter waits for. */
  static final String TARGET = "a final state";

  static Outcome judge(JobStatus status) {
    return status != null && status.isFinal() ? Outcome.REACHED : Outcome.WAITING;
  }

  @Override
  public String kind() {
    return "job";
  }

  /**
   * {@code RUNNING}, {@code FAILED (exit 3:0)}, {@code CANCELLED (CANCELLED by 1000)}, or for an
   * array {@code RUNNING (2 of 8 tasks over)}.
   */
  @Override
  public String label(JobStatus status) {
    if (status == null) {
      return "not reported";
    }
    if (status.jobs().size() != 1) {
      long over = status.jobs().stream().filter(SlurmJob::isTerminal).count();
      return status.state() + " (" + over + " of " + status.jobs().size() + " tasks over)";
    }
    SlurmJob job = status.jobs().get(0);
    if (job.exitCode().isPresent() && !job.exitCode().get().isSuccess()) {
      return job.state() + " (exit " + job.exitCode().get() + ")";
    }
    return job.rawState().isEmpty() || job.rawState().equals(job.state().name())
        ? job.state().name()
        : job.state() + " (" + job.rawState() + ")";
  }

  @Override
  public boolean same(JobStatus a, JobStatus b) {
    return label(a).equals(label(b));
  }

  @Override
  public JobStatus result(JobStatus status) {
    return status;
  }

  /** Never asked: a job waiter does not fail on a state. */
  @Override
  public CompletableFuture<String> reason(String jobId, JobStatus status) {
    return CompletableFuture.completedFuture(null);
  }
}
