package io.camelpcluster.pcluster.slurm;

import java.util.Objects;
import java.util.Optional;

/**
 * What Slurm reports about one job, or one task of a job array: its {@link JobState} with Slurm's
 * own state beside it, why it waits or ended, how it exited, where and when it ran.
 *
 * @param jobId the id as squeue prints it: {@code 123}, array task {@code 123_4}, or {@code
 *     123_[5-9%2]} for array tasks that have not started yet
 * @param name the job name
 * @param state the state, refined by the exit code ({@link SlurmState#withExit})
 * @param rawState Slurm's words for the state, e.g. {@code CANCELLED by 1001} or {@code
 *     PENDING,REQUEUED}; empty when Slurm no longer knows the job
 * @param reason why the job waits or ended ({@code Resources}, {@code NonZeroExitCode}, ...), or
 *     how its outcome was found when Slurm no longer knows it
 * @param exitCode how the batch script ended, once it has
 * @param nodeList the nodes allocated, in Slurm's compressed notation ({@code queue1-dy-c5-[1-4]})
 * @param partition the partition (ParallelCluster queue)
 * @param times submit, start and end times, run time and time limit
 * @param arrayJobId for an array task, the array's job id (the id sbatch returned)
 * @param arrayTaskId for an array task, its index, or the pending indexes ({@code 5-9%2})
 */
public record SlurmJob(
    String jobId,
    String name,
    JobState state,
    String rawState,
    Optional<String> reason,
    Optional<ExitCode> exitCode,
    Optional<String> nodeList,
    Optional<String> partition,
    JobTimes times,
    Optional<String> arrayJobId,
    Optional<String> arrayTaskId) {

  public SlurmJob {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(rawState, "rawState");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(exitCode, "exitCode");
    Objects.requireNonNull(nodeList, "nodeList");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(arrayJobId, "arrayJobId");
    Objects.requireNonNull(arrayTaskId, "arrayTaskId");
  }

  /** The id sbatch returned for the submission this job belongs to: the array job id for a task. */
  public String submissionId() {
    return arrayJobId.orElse(jobId);
  }

  /** Whether the job is over. */
  public boolean isTerminal() {
    return state.isTerminal();
  }
}
