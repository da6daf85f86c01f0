package io.camelpcluster.pcluster.slurm;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a job was submitted, started and ended, how long it has run and may run.
 *
 * @param submitted when the job was submitted
 * @param started when it started; empty while it waits
 * @param ended when it ended; empty until it is over (Slurm's projected end of a running job is not
 *     reported here)
 * @param runTime how long it has run, when Slurm reports it
 * @param timeLimit its time limit; empty when unlimited or not reported
 */
public record JobTimes(
    Optional<Instant> submitted,
    Optional<Instant> started,
    Optional<Instant> ended,
    Optional<Duration> runTime,
    Optional<Duration> timeLimit) {

  /** Nothing known. */
  public static final JobTimes UNKNOWN =
      new JobTimes(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
