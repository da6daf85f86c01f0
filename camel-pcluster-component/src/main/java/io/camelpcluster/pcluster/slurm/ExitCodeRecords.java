package io.camelpcluster.pcluster.slurm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exit-code files written by the job wrapper ({@link JobFiles#exitCodeFile}): reading many of
 * them in one command, and what they say about jobs Slurm no longer knows.
 *
 * <p>The read command prints one line per job, {@code <job> <status>}, or {@code <job> -} when the
 * file does not exist (yet). On a shared file system a file written on a compute node may take a
 * few seconds to become visible on the head node (NFS attribute caching), so a missing file is
 * worth reading again before giving up on a job.
 */
public final class ExitCodeRecords {

  private static final String MISSING = "-";
  private static final Pattern LINE = Pattern.compile("(\\d{1,10}(?:_\\d{1,10})?)(?: (.*))?");
  private static final Pattern STATUS = Pattern.compile("\\d{1,3}");

  private ExitCodeRecords() {}

  /** The shell command that prints the exit status of each job, from its files. */
  static String readCommand(Map<String, JobFiles> jobs) {
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException("no jobs to read exit codes for");
    }
    StringBuilder s =
        new StringBuilder("cd || exit 1\n")
            .append("pcluster_ec() { if [ -f \"$2\" ]; then printf '%s %s\\n' \"$1\"")
            .append(" \"$(head -c 16 -- \"$2\" | tr -d '\\r\\n')\"; else printf '%s ")
            .append(MISSING)
            .append("\\n' \"$1\"; fi; }\n");
    jobs.forEach(
        (key, files) ->
            s.append("pcluster_ec ")
                .append(JobFiles.checkKey(key))
                .append(' ')
                .append(ShellQuote.quote(files.exitCodeFile(key)))
                .append('\n'));
    return s.toString();
  }

  /**
   * Parses the output of the read command.
   *
   * @return for each job, its recorded exit status, or empty when there is no (readable) record
   * @throws SlurmOutputException when a line is not of the command's form
   */
  public static Map<String, Optional<ExitCode>> parse(String stdout) {
    Map<String, Optional<ExitCode>> records = new LinkedHashMap<>();
    for (String line : stdout.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        throw new SlurmOutputException(
            "not a line of the exit-code read command: " + SlurmErrors.excerpt(line));
      }
      records.put(m.group(1), status(m.group(2) == null ? "" : m.group(2).strip()));
    }
    return records;
  }

  /**
   * What is known of a job that squeue no longer lists. A job already seen in a terminal state
   * stays as it was seen. Otherwise the recorded exit status decides: 0 is {@link
   * JobState#COMPLETED}, anything else {@link JobState#FAILED}; without a record the state is
   * {@link JobState#UNKNOWN} (the job was cancelled before it started, killed outright, lost with
   * its node, or the file is not visible yet), which is not terminal: the caller decides how long
   * to wait before treating the job as lost.
   *
   * @param jobId the id that vanished
   * @param lastSeen the job as last seen in the queue, if it was
   * @param recorded the exit status from its exit-code file, if any
   */
  public static SlurmJob resolveVanished(
      String jobId, Optional<SlurmJob> lastSeen, Optional<ExitCode> recorded) {
    if (lastSeen.isPresent() && lastSeen.get().isTerminal()) {
      return lastSeen.get();
    }
    JobState state =
        recorded
            .map(ec -> ec.isSuccess() ? JobState.COMPLETED : JobState.FAILED)
            .orElse(JobState.UNKNOWN);
    String reason =
        recorded.isPresent()
            ? "left the Slurm queue; exit status " + recorded.get().code() + " recorded by the job"
            : "left the Slurm queue without an exit-code record";
    return new SlurmJob(
        jobId,
        lastSeen.map(SlurmJob::name).orElse(""),
        state,
        "",
        Optional.of(reason),
        recorded,
        lastSeen.flatMap(SlurmJob::nodeList),
        lastSeen.flatMap(SlurmJob::partition),
        lastSeen
            .map(
                j ->
                    new JobTimes(
                        j.times().submitted(),
                        j.times().started(),
                        Optional.empty(),
                        j.times().runTime(),
                        j.times().timeLimit()))
            .orElse(JobTimes.UNKNOWN),
        lastSeen.flatMap(SlurmJob::arrayJobId),
        lastSeen.flatMap(SlurmJob::arrayTaskId));
  }

  private static Optional<ExitCode> status(String value) {
    if (!STATUS.matcher(value).matches()) {
      return Optional.empty();
    }
    int code = Integer.parseInt(value);
    return code > 255 ? Optional.empty() : Optional.of(new ExitCode(code, 0));
  }
}
