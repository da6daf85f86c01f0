package io.camelpcluster.pcluster.jobs;

import io.camelpcluster.pcluster.slurm.ExitCode;
import io.camelpcluster.pcluster.slurm.JobState;
import io.camelpcluster.pcluster.slurm.SlurmJob;
import java.util.Objects;
import java.util.Optional;

/**
 * A job ended other than {@link JobState#COMPLETED}: it failed, was cancelled, ran out of time, or
 * was lost. Carries the job's id, state, exit code and the end of its output; the message names the
 * state, the exit code and Slurm's reason but not the output, which may carry secrets.
 */
public class JobFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String jobId;
  private final JobState state;
  private final transient Optional<ExitCode> exitCode;
  private final String outputTail;

  /**
   * @param jobId the job (or array task) that decided the outcome
   * @param job the job as last reported
   * @param outputTail the end of its output; empty when it wrote none or it could not be read
   */
  public JobFailedException(String jobId, SlurmJob job, String outputTail) {
    super(message(jobId, job));
    this.jobId = Objects.requireNonNull(jobId, "jobId");
    this.state = job.state();
    this.exitCode = job.exitCode();
    this.outputTail = Objects.requireNonNull(outputTail, "outputTail");
  }

  private static String message(String jobId, SlurmJob job) {
    StringBuilder s = new StringBuilder("job ").append(jobId).append(" ended ").append(job.state());
    job.exitCode()
        .ifPresent(
            exit -> {
              s.append(" with exit code ").append(exit.code());
              if (exit.signal() != 0) {
                s.append(" (signal ").append(exit.signal()).append(')');
              }
            });
    if (!job.rawState().isEmpty() && !job.rawState().equals(job.state().name())) {
      s.append(", Slurm state ").append(job.rawState());
    }
    job.reason().ifPresent(reason -> s.append(": ").append(reason));
    return s.toString();
  }

  /** The job id ({@code 123}, or {@code 123_4} for the array task that failed). */
  public String jobId() {
    return jobId;
  }

  /** How it ended: FAILED, CANCELLED, TIMEOUT, or UNKNOWN for a lost job. */
  public JobState state() {
    return state;
  }

  /** Its exit code, when it is known. */
  public Optional<ExitCode> exitCode() {
    return exitCode;
  }

  /** The end of its output (stdout and stderr), possibly empty. */
  public String outputTail() {
    return outputTail;
  }
}
