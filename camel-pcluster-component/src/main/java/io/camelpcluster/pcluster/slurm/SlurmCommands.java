package io.camelpcluster.pcluster.slurm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shell command lines that manage jobs on a head node, each a single string for a POSIX shell
 * ({@code sh -c}) run as the job's user, with every value quoted by {@link ShellQuote}. The output
 * of each is read by the parser named in its description.
 *
 * <p>Commands that touch job files start with {@code cd} (to the user's home) because {@link
 * JobFiles} paths are relative to it.
 */
public final class SlurmCommands {

  /** Most job ids polled, cancelled or read in one command; split larger sets. */
  public static final int MAX_JOBS_PER_COMMAND = 500;

  private SlurmCommands() {}

  /**
   * Submits a job: creates its files directory (and with it the working directory), then feeds the
   * rendered wrapper to {@code sbatch --parsable} on stdin. Output: {@link SubmittedJob#parse}; on
   * failure sbatch exits non-zero with its reason on stderr ({@link SlurmErrors#summary}).
   *
   * <p>The command carries the whole script, so it is about 4/3 of the script's size plus the
   * environment and arguments.
   */
  public static String submit(JobSpec spec) {
    SbatchScript script = SbatchScript.of(spec);
    List<String> sbatch = new ArrayList<>(List.of("sbatch", "--parsable", "--ignore-pbs"));
    sbatch.addAll(script.arguments());
    return "cd && mkdir -p -- "
        + ShellQuote.quote(JobFiles.of(spec).directory())
        + " && printf '%s' "
        + ShellQuote.quote(script.text())
        + " | "
        + ShellQuote.join(sbatch);
  }

  /**
   * Shows a job in detail, one line per job or array task. Output: {@link ScontrolJobParser}; a job
   * Slurm has forgotten gives exit 1 and {@link SlurmErrors#isInvalidJobId}.
   */
  public static String describe(String jobId) {
    return "scontrol show job -o " + JobFiles.checkKey(jobId);
  }

  /**
   * The status of many jobs in one call, in every state Slurm still remembers, array tasks one per
   * line. Output: {@link SqueueFormat#snapshot}.
   */
  public static String queueStatus(Collection<String> jobIds) {
    return "squeue -h -t all -r -j "
        + String.join(",", checkedIds(jobIds))
        + " -O "
        + ShellQuote.quote(SqueueFormat.FIELDS);
  }

  /**
   * The jobs of one user, optionally of one partition, array tasks one per line; pending and
   * running jobs only, or with {@code includeFinished} also those that ended within Slurm's {@code
   * MinJobAge}. Output: {@link SqueueFormat#parse}.
   */
  public static String listJobs(String user, Optional<String> partition, boolean includeFinished) {
    StringBuilder command =
        new StringBuilder("squeue -h -r --user=").append(ShellQuote.quote(user));
    partition.ifPresent(p -> command.append(" --partition=").append(ShellQuote.quote(p)));
    if (includeFinished) {
      command.append(" -t all");
    }
    return command.append(" -O ").append(ShellQuote.quote(SqueueFormat.FIELDS)).toString();
  }

  /**
   * Cancels jobs (an array job id cancels all its tasks). scancel prints nothing on success and
   * does not fail for jobs that are already gone.
   */
  public static String cancel(Collection<String> jobIds) {
    return "scancel " + String.join(" ", checkedIds(jobIds));
  }

  /**
   * The last {@code maxBytes} of a job's output file. Fails (exit 1, "No such file") until the job
   * has started.
   */
  public static String readOutput(JobFiles files, String jobKey, int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
    }
    return "cd && tail -c " + maxBytes + " -- " + ShellQuote.quote(files.outputFile(jobKey));
  }

  /**
   * The size in bytes of a job's output file on the first line, then its last {@code maxBytes}.
   * Fails (non-zero exit, "No such file" on stderr) until the job has started.
   */
  public static String readOutputTail(JobFiles files, String jobKey, int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
    }
    String file = ShellQuote.quote(files.outputFile(jobKey));
    return "cd && wc -c < " + file + " && tail -c " + maxBytes + " -- " + file;
  }

  /**
   * Reads the exit-code files of many jobs in one call, typically those that vanished from the
   * queue. Output: {@link ExitCodeRecords#parse}.
   *
   * @param jobs each job key ({@code 123} or {@code 123_4}) with the files of its submission
   */
  public static String readExitCodes(Map<String, JobFiles> jobs) {
    if (jobs.size() > MAX_JOBS_PER_COMMAND) {
      throw new IllegalArgumentException(
          "at most " + MAX_JOBS_PER_COMMAND + " jobs per command, got " + jobs.size());
    }
    return ExitCodeRecords.readCommand(jobs);
  }

  /**
   * Deletes the output, exit-code and script files of finished jobs, once their results have been
   * delivered. Succeeds when files are already gone.
   *
   * @param jobs each job key ({@code 123} or {@code 123_4}) with the files of its submission
   */
  public static String removeJobFiles(Map<String, JobFiles> jobs) {
    if (jobs.isEmpty() || jobs.size() > MAX_JOBS_PER_COMMAND) {
      throw new IllegalArgumentException(
          "between 1 and " + MAX_JOBS_PER_COMMAND + " jobs per command, got " + jobs.size());
    }
    StringBuilder command = new StringBuilder("cd && rm -f --");
    jobs.forEach(
        (key, files) ->
            List.of(files.outputFile(key), files.exitCodeFile(key), files.scriptFile(key))
                .forEach(path -> command.append(' ').append(ShellQuote.quote(path))));
    return command.toString();
  }

  /**
   * Looks jobs up in accounting, for clusters that have it. Output: {@link SacctFormat#parse};
   * without accounting sacct exits 1 with {@link SlurmErrors#isAccountingDisabled}.
   */
  public static String accounting(Collection<String> jobIds) {
    return "sacct --parsable2 --noheader -X -j "
        + String.join(",", checkedIds(jobIds))
        + " --format="
        + SacctFormat.FIELDS;
  }

  private static Set<String> checkedIds(Collection<String> jobIds) {
    if (jobIds.isEmpty()) {
      throw new IllegalArgumentException("at least one job id is required");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String id : jobIds) {
      ids.add(JobFiles.checkKey(id));
    }
    if (ids.size() > MAX_JOBS_PER_COMMAND) {
      throw new IllegalArgumentException(
          "at most " + MAX_JOBS_PER_COMMAND + " jobs per command, got " + ids.size());
    }
    return ids;
  }
}
