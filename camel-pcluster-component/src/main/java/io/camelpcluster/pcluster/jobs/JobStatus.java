package io.camelpcluster.pcluster.jobs;

import io.camelpcluster.pcluster.slurm.JobState;
import io.camelpcluster.pcluster.slurm.SlurmJob;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one status round found about one watched job.
 *
 * @param jobId the watched id ({@code 123}, or {@code 123_4} for one array task)
 * @param jobs the job, or for an array job id every task seen so far (tasks not started yet appear
 *     as one line such as {@code 123_[5-9]}); a job that left the queue is resolved from its
 *     exit-code record ({@code ExitCodeRecords#resolveVanished})
 * @param lost the ids among {@code jobs} that left the queue without an exit-code record and were
 *     given up on after the grace period; they stay {@link JobState#UNKNOWN} with a reason that
 *     says so
 */
public record JobStatus(String jobId, List<SlurmJob> jobs, Set<String> lost) {

  public JobStatus {
    Objects.requireNonNull(jobId, "jobId");
    jobs = List.copyOf(jobs);
    lost = Set.copyOf(lost);
  }

  /**
   * Whether nothing will change any more: every job is in a terminal state or lost. Stop watching a
   * job once this is true.
   */
  public boolean isFinal() {
    return !jobs.isEmpty()
        && jobs.stream().allMatch(j -> j.isTerminal() || lost.contains(j.jobId()));
  }

  /** Whether the outcome of (some of) the job is unknown for good. */
  public boolean isLost() {
    return !lost.isEmpty();
  }

  /**
   * One state for the whole job: a single job's own state. For an array: while any task is not
   * final, {@link JobState#RUNNING} if one runs, else {@link JobState#QUEUED}; once all are final,
   * {@link JobState#UNKNOWN} if one was lost, else {@link JobState#COMPLETED} if all completed,
   * else the first of {@link JobState#FAILED}, {@link JobState#TIMEOUT}, {@link JobState#CANCELLED}
   * that a task ended in.
   */
  public JobState state() {
    if (jobs.size() == 1) {
      return jobs.get(0).state();
    }
    if (!isFinal()) {
      return jobs.stream().anyMatch(j -> j.state() == JobState.RUNNING)
          ? JobState.RUNNING
          : JobState.QUEUED;
    }
    if (isLost()) {
      return JobState.UNKNOWN;
    }
    for (JobState state :
        List.of(JobState.FAILED, JobState.TIMEOUT, JobState.CANCELLED, JobState.COMPLETED)) {
      if (jobs.stream().anyMatch(j -> j.state() == state)) {
        return state;
      }
    }
    return JobState.UNKNOWN;
  }
}
