package io.camelpcluster.pcluster.jobs;

import io.camelpcluster.pcluster.headnode.CommandResult;
import io.camelpcluster.pcluster.headnode.HeadNodeAccess;
import io.camelpcluster.pcluster.headnode.HeadNodeCommand;
import io.camelpcluster.pcluster.slurm.ExitCode;
import io.camelpcluster.pcluster.slurm.ExitCodeRecords;
import io.camelpcluster.pcluster.slurm.JobFiles;
import io.camelpcluster.pcluster.slurm.JobSpec;
import io.camelpcluster.pcluster.slurm.QueueSnapshot;
import io.camelpcluster.pcluster.slurm.ScontrolJobParser;
import io.camelpcluster.pcluster.slurm.ShellQuote;
import io.camelpcluster.pcluster.slurm.SlurmCommands;
import io.camelpcluster.pcluster.slurm.SlurmErrors;
import io.camelpcluster.pcluster.slurm.SlurmJob;
import io.camelpcluster.pcluster.slurm.SqueueFormat;
import io.camelpcluster.pcluster.slurm.SubmittedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The jobs of one head node, run as the access's user. Every operation is one round trip to the
 * head node (two for {@link #status} when jobs have left the queue), asynchronous and thread-safe;
 * a Slurm command that fails completes the future with a {@link JobCommandException}, a head node
 * that cannot be reached with the access's exceptions.
 */
public final class JobService {

  /** Output kept beyond what a command is expected to print, for a size line or an error. */
  private static final long ROOM_FOR_MESSAGES = 64 * 1024;

  private final HeadNodeAccess access;
  private final JobServiceOptions options;
  private final JobStatusTracker tracker;

  public JobService(HeadNodeAccess access, JobServiceOptions options) {
    this.access = Objects.requireNonNull(access, "access");
    this.options = Objects.requireNonNull(options, "options");
    this.tracker = new JobStatusTracker(options.lostAfter());
  }

  public HeadNodeAccess access() {
    return access;
  }

  /** Submits a job with sbatch. */
  public CompletableFuture<JobSubmission> submit(JobSpec spec) {
    return slurm("sbatch", SlurmCommands.submit(spec))
        .thenApply(
            result ->
                new JobSubmission(
                    SubmittedJob.parse(succeeded("sbatch", result).stdout()).jobId(),
                    JobFiles.of(spec)));
  }

  /**
   * The job as {@code scontrol show job} sees it (an array job: one entry per task, plus one for
   * its pending tasks); empty when Slurm does not know the id (any more).
   */
  public CompletableFuture<List<SlurmJob>> describe(String jobId) {
    return slurm("scontrol show job", SlurmCommands.describe(jobId))
        .thenApply(
            result -> {
              if (!result.succeeded() && SlurmErrors.isInvalidJobId(result.stderr())) {
                return List.of();
              }
              return ScontrolJobParser.parse(
                  succeeded("scontrol show job", result).stdout(), options.headNodeZone());
            });
  }

  /**
   * The user's jobs, optionally of one partition (ParallelCluster queue): pending and running, or
   * with {@code includeFinished} also those that ended recently.
   */
  public CompletableFuture<List<SlurmJob>> list(
      Optional<String> partition, boolean includeFinished) {
    return slurm("squeue", SlurmCommands.listJobs(access.user(), partition, includeFinished))
        .thenApply(
            result ->
                SqueueFormat.parse(succeeded("squeue", result).stdout(), options.headNodeZone()));
  }

  /** Cancels a job (an array job id cancels all its tasks); a job already gone is no error. */
  public CompletableFuture<Void> cancel(String jobId) {
    return slurm("scancel", SlurmCommands.cancel(List.of(jobId)))
        .thenAccept(result -> succeeded("scancel", result));
  }

  /**
   * The last {@code maxBytes} of a job's output; empty while the job has not started (its output
   * file does not exist yet).
   *
   * @param jobKey the job id, or {@code 123_4} for an array task
   */
  public CompletableFuture<Optional<JobOutput>> output(
      String jobKey, JobFiles files, int maxBytes) {
    String command = SlurmCommands.readOutputTail(files, jobKey, maxBytes);
    return access
        .run(
            new HeadNodeCommand(
                "read job output",
                command,
                options.commandTimeout(),
                (int) Math.min(Integer.MAX_VALUE, maxBytes + ROOM_FOR_MESSAGES)))
        .thenApply(
            result -> {
              if (!result.succeeded() && result.stderr().contains("No such file")) {
                return Optional.empty();
              }
              String out = succeeded("read job output", result).stdout();
              int newline = out.indexOf('\n');
              long size = Long.parseLong(out.substring(0, newline).strip());
              return Optional.of(new JobOutput(out.substring(newline + 1), size, size > maxBytes));
            });
  }

  /**
   * Deletes the output, exit-code and script files of finished jobs once their results have been
   * delivered; files already gone are no error.
   *
   * @param jobs each job key ({@code 123} or {@code 123_4}) with the files of its submission
   */
  public CompletableFuture<Void> removeFiles(Map<String, JobFiles> jobs) {
    return slurm("remove job files", SlurmCommands.removeJobFiles(jobs))
        .thenAccept(result -> succeeded("remove job files", result));
  }

  /**
   * Runs a command (program and arguments, each quoted) as the user, for staging or checks. Its
   * exit status is in the result, not an error.
   *
   * @param workingDirectory where to run it, absolute or relative to the user's home (default)
   */
  public CompletableFuture<CommandResult> runCommand(
      List<String> argv, Optional<String> workingDirectory, Duration timeout) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a command needs at least the program");
    }
    String command =
        workingDirectory.map(d -> "cd -- " + ShellQuote.quote(d) + " && ").orElse("")
            + ShellQuote.join(argv);
    return access.run(new HeadNodeCommand("run command", command, timeout));
  }

  /**
   * The status of many jobs in one round: one squeue for all of them (split every {@value
   * SlurmCommands#MAX_JOBS_PER_COMMAND}), then, only if some have left the queue without being seen
   * to end, one read of their exit-code files. Call it once per head node and interval with every
   * watched job; stop watching a job once its status {@linkplain JobStatus#isFinal() is final}.
   *
   * @param watched each job id ({@code 123}, or {@code 123_4} for one array task) with the files of
   *     its submission
   * @return a status for every watched id
   */
  public CompletableFuture<Map<String, JobStatus>> status(Map<String, JobFiles> watched) {
    if (watched.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    List<String> ids = List.copyOf(watched.keySet());
    List<CompletableFuture<QueueSnapshot>> polls = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += SlurmCommands.MAX_JOBS_PER_COMMAND) {
      polls.add(
          poll(ids.subList(from, Math.min(ids.size(), from + SlurmCommands.MAX_JOBS_PER_COMMAND))));
    }
    return CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new))
        .thenCompose(
            done -> {
              List<SlurmJob> listed = new ArrayList<>();
              polls.forEach(p -> listed.addAll(p.join().jobs()));
              JobStatusTracker.Round round = tracker.observe(watched, listed, Instant.now());
              Map<String, JobFiles> toRead = round.exitCodesToRead();
              if (toRead.isEmpty()) {
                return CompletableFuture.completedFuture(round.resolve(Map.of(), Instant.now()));
              }
              return readExitCodes(toRead)
                  .thenApply(records -> round.resolve(records, Instant.now()));
            });
  }

  private CompletableFuture<QueueSnapshot> poll(List<String> ids) {
    return slurm("squeue status (" + ids.size() + " jobs)", SlurmCommands.queueStatus(ids))
        .thenApply(
            result ->
                SqueueFormat.snapshot(
                    ids,
                    result.exitCode(),
                    result.stdout(),
                    result.stderr(),
                    options.headNodeZone()));
  }

  private CompletableFuture<Map<String, Optional<ExitCode>>> readExitCodes(
      Map<String, JobFiles> jobs) {
    List<Map<String, JobFiles>> chunks = new ArrayList<>();
    Map<String, JobFiles> chunk = new LinkedHashMap<>();
    for (Map.Entry<String, JobFiles> job : jobs.entrySet()) {
      chunk.put(job.getKey(), job.getValue());
      if (chunk.size() == SlurmCommands.MAX_JOBS_PER_COMMAND) {
        chunks.add(chunk);
        chunk = new LinkedHashMap<>();
      }
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    List<CompletableFuture<Map<String, Optional<ExitCode>>>> reads = new ArrayList<>();
    for (Map<String, JobFiles> part : chunks) {
      reads.add(
          slurm("read exit codes (" + part.size() + " jobs)", SlurmCommands.readExitCodes(part))
              .thenApply(
                  result -> ExitCodeRecords.parse(succeeded("read exit codes", result).stdout())));
    }
    return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              Map<String, Optional<ExitCode>> records = new LinkedHashMap<>();
              reads.forEach(r -> records.putAll(r.join()));
              return records;
            });
  }

  private CompletableFuture<CommandResult> slurm(String label, String commandLine) {
    return access.run(new HeadNodeCommand(label, commandLine, options.commandTimeout()));
  }

  private static CommandResult succeeded(String label, CommandResult result) {
    if (!result.succeeded()) {
      throw new JobCommandException(label, result.exitCode(), SlurmErrors.summary(result.stderr()));
    }
    return result;
  }

  @Override
  public String toString() {
    return "jobs via " + access;
  }
}
