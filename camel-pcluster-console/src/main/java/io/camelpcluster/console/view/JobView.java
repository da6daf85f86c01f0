package io.camelpcluster.console.view;

import io.camelpcluster.pcluster.slurm.JobState;
import io.camelpcluster.pcluster.slurm.SlurmJob;
import java.time.Duration;
import java.time.Instant;

/**
 * A Slurm job as the console's squeue/sacct table shows it.
 *
 * @param exitCode the script's exit status once it ended, else null
 * @param signal the signal that killed it (0 when none), else null
 */
public record JobView(
    String jobId,
    String name,
    JobState state,
    String rawState,
    String reason,
    Integer exitCode,
    Integer signal,
    String nodeList,
    String partition,
    Instant submitted,
    Instant started,
    Instant ended,
    Duration runTime,
    Duration timeLimit) {

  static JobView of(SlurmJob job) {
    return new JobView(
        job.jobId(),
        job.name(),
        job.state(),
        job.rawState(),
        job.reason().orElse(null),
        job.exitCode().map(e -> e.code()).orElse(null),
        job.exitCode().map(e -> e.signal()).orElse(null),
        job.nodeList().orElse(null),
        job.partition().orElse(null),
        job.times().submitted().orElse(null),
        job.times().started().orElse(null),
        job.times().ended().orElse(null),
        job.times().runTime().orElse(null),
        job.times().timeLimit().orElse(null));
  }
}
