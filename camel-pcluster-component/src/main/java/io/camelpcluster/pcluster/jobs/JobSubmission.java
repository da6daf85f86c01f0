package io.camelpcluster.pcluster.jobs;

import io.camelpcluster.pcluster.slurm.JobFiles;
import java.util.Objects;

/**
 * A job Slurm accepted.
 *
 * @param jobId the id sbatch returned (for an array, the array job id)
 * @param files where the job writes its output and exit code: keep it with the id, it is how the
 *     job's outcome is known once Slurm has forgotten the job
 */
public record JobSubmission(String jobId, JobFiles files) {

  public JobSubmission {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(files, "files");
  }
}
