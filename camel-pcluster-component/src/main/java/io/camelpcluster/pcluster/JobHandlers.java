package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.headnode.CommandResult;
import io.camelpcluster.pcluster.jobs.JobFailedException;
import io.camelpcluster.pcluster.jobs.JobOutput;
import io.camelpcluster.pcluster.jobs.JobService;
import io.camelpcluster.pcluster.jobs.JobStatus;
import io.camelpcluster.pcluster.slurm.JobFiles;
import io.camelpcluster.pcluster.slurm.JobSpec;
import io.camelpcluster.pcluster.slurm.JobState;
import io.camelpcluster.pcluster.slurm.SlurmJob;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Message;

/**
 * Slurm jobs and commands on a cluster's head node: submitJob, describeJob, listJobs, cancelJob,
 * waitJob, getJobOutput and runCommand. Every input is read and checked before the head node is
 * reached.
 */
final class JobHandlers {

  /** How much of the end of a failed job's output its {@link JobFailedException} carries. */
  static final int FAILURE_OUTPUT_BYTES = 4096;

  private JobHandlers() {}

  static void register(Map<PclusterOperations, OperationHandler> handlers) {
    handlers.put(PclusterOperations.submitJob, JobHandlers::submitJob);
    handlers.put(PclusterOperations.describeJob, JobHandlers::describeJob);
    handlers.put(PclusterOperations.listJobs, JobHandlers::listJobs);
    handlers.put(PclusterOperations.cancelJob, JobHandlers::cancelJob);
    handlers.put(PclusterOperations.waitJob, JobHandlers::waitJob);
    handlers.put(PclusterOperations.getJobOutput, JobHandlers::getJobOutput);
    handlers.put(PclusterOperations.runCommand, JobHandlers::runCommand);
  }

  static CompletableFuture<Void> submitJob(OperationCall call) {
    JobSpec spec = JobSpecs.of(call.inputs());
    boolean wait = call.waits().requested();
    boolean failOnJobError = call.configuration().isFailOnJobError();
    Message message = call.message();
    return call.jobService()
        .thenCompose(
            jobs ->
                jobs.submit(spec)
                    .thenCompose(
                        submission -> {
                          message.setBody(submission);
                          message.setHeader(PclusterConstants.JOB_ID, submission.jobId());
                          spec.workingDirectory()
                              .ifPresent(
                                  directory ->
                                      message.setHeader(
                                          PclusterConstants.JOB_WORKING_DIRECTORY, directory));
                          if (!wait) {
                            return OperationHandler.done();
                          }
                          return awaitEnd(
                              call, jobs, submission.jobId(), submission.files(), failOnJobError);
                        }));
  }

  static CompletableFuture<Void> waitJob(OperationCall call) {
    String jobId = call.jobId();
    JobFiles files = JobSpecs.files(call.inputs());
    boolean failOnJobError = call.configuration().isFailOnJobError();
    return call.jobService()
        .thenCompose(jobs -> awaitEnd(call, jobs, jobId, files, failOnJobError));
  }

  /**
   * The body becomes the job's status once final, and the headers its facts; without {@code
   * failOnJobError} any end is a result, otherwise an end other than COMPLETED fails with a {@link
   * JobFailedException} carrying the end of the decisive job's output.
   */
  private static CompletableFuture<Void> awaitEnd(
      OperationCall call, JobService jobs, String jobId, JobFiles files, boolean failOnJobError) {
    Message message = call.message();
    return call.waits()
        .job(jobs, jobId, files)
        .thenCompose(
            status -> {
              message.setBody(status);
              message.setHeader(PclusterConstants.JOB_ID, jobId);
              ResultHeaders.job(message, status);
              if (!failOnJobError || status.state() == JobState.COMPLETED) {
                return OperationHandler.done();
              }
              SlurmJob decisive = ResultHeaders.decisive(status);
              return outputTail(jobs, decisive.jobId(), files)
                  .thenCompose(
                      tail ->
                          CompletableFuture.failedFuture(
                              new JobFailedException(decisive.jobId(), decisive, tail)));
            });
  }

  /** The end of a job's output, or nothing when there is none or it cannot be read. */
  private static CompletableFuture<String> outputTail(
      JobService jobs, String jobKey, JobFiles files) {
    return CompletableFuture.completedFuture(jobKey)
        .thenCompose(key -> jobs.output(key, files, FAILURE_OUTPUT_BYTES))
        .handle((output, failure) -> failure == null ? output.map(JobOutput::text).orElse("") : "");
  }

  static CompletableFuture<Void> describeJob(OperationCall call) {
    String jobId = call.jobId();
    JobFiles files = JobSpecs.files(call.inputs());
    Message message = call.message();
    return call.jobService()
        .thenCompose(
            jobs ->
                jobs.describe(jobId)
                    .thenCompose(
                        found -> {
                          if (!found.isEmpty()) {
                            return CompletableFuture.completedFuture(
                                new JobStatus(jobId, found, Set.of()));
                          }
                          // Slurm forgot the job: its exit-code record tells how it ended
                          return jobs.status(Map.of(jobId, files))
                              .thenApply(statuses -> statuses.get(jobId));
                        }))
        .thenAccept(
            status -> {
              message.setBody(status.jobs());
              message.setHeader(PclusterConstants.JOB_ID, jobId);
              ResultHeaders.job(message, status);
            });
  }

  static CompletableFuture<Void> listJobs(OperationCall call) {
    Optional<String> partition =
        Optional.ofNullable(
            call.inputs()
                .text(PclusterConstants.JOB_PARTITION, call.configuration().getPartition()));
    boolean includeFinished = call.configuration().isIncludeFinishedJobs();
    Message message = call.message();
    return call.jobService()
        .thenCompose(jobs -> jobs.list(partition, includeFinished))
        .thenAccept(message::setBody);
  }

  static CompletableFuture<Void> cancelJob(OperationCall call) {
    String jobId = call.jobId();
    JobFiles files = JobSpecs.files(call.inputs());
    boolean wait = call.waits().requested();
    Message message = call.message();
    return call.jobService()
        .thenCompose(
            jobs ->
                jobs.cancel(jobId)
                    .thenCompose(
                        cancelled -> {
                          message.setBody(null);
                          message.setHeader(PclusterConstants.JOB_ID, jobId);
                          return wait
                              ? awaitEnd(call, jobs, jobId, files, false)
                              : OperationHandler.done();
                        }));
  }

  static CompletableFuture<Void> getJobOutput(OperationCall call) {
    String jobId = call.jobId();
    JobFiles files = JobSpecs.files(call.inputs());
    int maxBytes = call.configuration().getOutputMaxBytes();
    if (maxBytes < 1) {
      throw new IllegalArgumentException("outputMaxBytes must be at least 1, got " + maxBytes);
    }
    Message message = call.message();
    return call.jobService()
        .thenCompose(jobs -> jobs.output(jobId, files, maxBytes))
        .thenAccept(
            output -> {
              message.setHeader(PclusterConstants.JOB_ID, jobId);
              message.setBody(output.map(JobOutput::text).orElse(null));
              message.setHeader(
                  PclusterConstants.JOB_OUTPUT_SIZE, output.map(JobOutput::sizeBytes).orElse(0L));
              message.setHeader(
                  PclusterConstants.JOB_OUTPUT_TRUNCATED,
                  output.map(JobOutput::truncated).orElse(false));
            });
  }

  static CompletableFuture<Void> runCommand(OperationCall call) {
    List<String> argv = argv(call);
    Optional<String> directory =
        Optional.ofNullable(
            call.inputs()
                .text(
                    PclusterConstants.JOB_WORKING_DIRECTORY,
                    call.configuration().getWorkingDirectory()));
    Message message = call.message();
    return call.jobService()
        .thenCompose(
            jobs -> jobs.runCommand(argv, directory, call.configuration().getCommandTimeout()))
        .thenAccept(
            (CommandResult result) -> {
              message.setBody(result);
              message.setHeader(PclusterConstants.COMMAND_EXIT_CODE, result.exitCode());
            });
  }

  /** The command of runCommand: the header, else the option, else the body (a list or text). */
  private static List<String> argv(OperationCall call) {
    List<String> argv =
        call.inputs().list(PclusterConstants.COMMAND, call.configuration().getCommand(), "\\s+");
    if (argv.isEmpty()) {
      Object body = call.message().getBody();
      argv =
          body instanceof Collection<?> items
              ? items.stream().map(String::valueOf).toList()
              : JobSpecs.words(call.message().getBody(String.class));
    }
    if (argv.isEmpty() || argv.get(0).isBlank()) {
      throw new IllegalArgumentException(
          "runCommand needs a command: the "
              + PclusterConstants.COMMAND
              + " header, the command option or the body (a list of the program and its arguments,"
              + " or text split at spaces)");
    }
    for (String argument : argv) {
      if (argument.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("runCommand: an argument contains a NUL character");
      }
    }
    return argv;
  }
}
