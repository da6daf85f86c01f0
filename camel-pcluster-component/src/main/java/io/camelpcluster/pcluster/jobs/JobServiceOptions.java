package io.camelpcluster.pcluster.jobs;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Settings of a {@link JobService}.
 *
 * @param headNodeZone the time zone Slurm prints times in on the head node (UTC on ParallelCluster)
 * @param commandTimeout how long one Slurm command (sbatch, squeue, scancel, ...) may take
 * @param lostAfter how long a job that left the Slurm queue without an exit-code record is given
 *     for the record to appear (a shared file system may show it late) before it is reported lost
 */
public record JobServiceOptions(ZoneId headNodeZone, Duration commandTimeout, Duration lostAfter) {

  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_LOST_AFTER = Duration.ofMinutes(2);

  public JobServiceOptions {
    Objects.requireNonNull(headNodeZone, "headNodeZone");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    Objects.requireNonNull(lostAfter, "lostAfter");
    if (commandTimeout.isNegative() || commandTimeout.isZero()) {
      throw new IllegalArgumentException("commandTimeout must be positive, was " + commandTimeout);
    }
    if (lostAfter.isNegative()) {
      throw new IllegalArgumentException("lostAfter must not be negative, was " + lostAfter);
    }
  }

  /** UTC, {@link #DEFAULT_COMMAND_TIMEOUT} and {@link #DEFAULT_LOST_AFTER}. */
  public static JobServiceOptions defaults() {
    return new JobServiceOptions(ZoneOffset.UTC, DEFAULT_COMMAND_TIMEOUT, DEFAULT_LOST_AFTER);
  }

  public JobServiceOptions withHeadNodeZone(ZoneId zone) {
    return new JobServiceOptions(zone, commandTimeout, lostAfter);
  }

  public JobServiceOptions withLostAfter(Duration lostAfter) {
    return new JobServiceOptions(headNodeZone, commandTimeout, lostAfter);
  }
}
