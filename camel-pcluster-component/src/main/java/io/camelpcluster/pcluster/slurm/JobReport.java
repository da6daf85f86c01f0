package io.camelpcluster.pcluster.slurm;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The fields a parser read about one job, turned into a {@link SlurmJob} by the rules every output
 * shares: the exit code refines the state, and the exit code and end time count only once the job
 * is over (Slurm prints 0:0 and a projected end for running jobs).
 */
final class JobReport {
  String jobId;
  String name = "";
  String rawState = "";
  JobState state = JobState.UNKNOWN;
  Optional<String> reason = Optional.empty();
  Optional<ExitCode> exitCode = Optional.empty();
  Optional<String> nodeList = Optional.empty();
  Optional<String> partition = Optional.empty();
  Optional<Instant> submitted = Optional.empty();
  Optional<Instant> started = Optional.empty();
  Optional<Instant> ended = Optional.empty();
  Optional<Duration> runTime = Optional.empty();
  Optional<Duration> timeLimit = Optional.empty();
  Optional<String> arrayJobId = Optional.empty();
  Optional<String> arrayTaskId = Optional.empty();

  /**
   * The id squeue would print: {@code 123}, {@code 123_4}, or {@code 123_[5-9%2]} for pending
   * tasks; uses {@link #arrayJobId} and {@link #arrayTaskId} when set.
   */
  String displayId(String uniqueId) {
    if (arrayJobId.isEmpty() || arrayTaskId.isEmpty()) {
      return uniqueId;
    }
    String task = arrayTaskId.get();
    return arrayJobId.get()
        + "_"
        + (task.chars().allMatch(Character::isDigit) ? task : "[" + task + "]");
  }

  SlurmJob toJob() {
    if (jobId == null || jobId.isEmpty()) {
      throw new SlurmOutputException("a job without an id in Slurm's output");
    }
    boolean over = state.isTerminal();
    Optional<ExitCode> exit = over ? exitCode : Optional.empty();
    return new SlurmJob(
        jobId,
        name,
        SlurmState.withExit(state, exit),
        rawState,
        reason,
        exit,
        nodeList,
        partition,
        new JobTimes(submitted, started, over ? ended : Optional.empty(), runTime, timeLimit),
        arrayJobId,
        arrayTaskId);
  }
}
