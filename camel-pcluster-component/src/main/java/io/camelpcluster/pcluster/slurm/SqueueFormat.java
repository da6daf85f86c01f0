package io.camelpcluster.pcluster.slurm;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The squeue output format used to poll many jobs at once, and its parser.
 *
 * <p>{@code squeue -O} (long format) is used rather than {@code -o} because only it prints the exit
 * status ({@code exit_code}, a raw wait status). Every field has an empty size, so nothing is
 * padded or cut, and a {@code |} suffix; the job name, the only free text, comes last so a {@code
 * |} in it cannot shift the other fields. The format works from Slurm 22.05 to 24.x.
 */
public final class SqueueFormat {

  /** The argument of {@code squeue -O}. */
  public static final String FIELDS =
      "JobArrayID:|,ArrayJobID:|,ArrayTaskID:|,State:|,Reason:|,exit_code:|,NodeList:|,"
          + "Partition:|,TimeUsed:|,TimeLimit:|,SubmitTime:|,StartTime:|,EndTime:|,Name:";

  private static final int FIELD_COUNT = 14;

  private SqueueFormat() {}

  /**
   * Parses the lines printed with {@link #FIELDS} and {@code -h}.
   *
   * @param zone the head node's time zone, in which squeue prints times (UTC on ParallelCluster)
   * @throws SlurmOutputException when a line does not have the expected fields
   */
  public static List<SlurmJob> parse(String stdout, ZoneId zone) {
    List<SlurmJob> jobs = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\\|", FIELD_COUNT);
      if (f.length != FIELD_COUNT) {
        throw new SlurmOutputException(
            "not a line of the squeue status format: " + SlurmErrors.excerpt(line));
      }
      JobReport r = new JobReport();
      r.jobId = f[0].strip();
      r.arrayTaskId = SlurmValues.text(f[2]);
      r.arrayJobId = r.arrayTaskId.isPresent() ? SlurmValues.text(f[1]) : Optional.empty();
      r.rawState = f[3].strip();
      r.state = SlurmState.of(r.rawState);
      r.reason = SlurmValues.text(f[4]);
      r.exitCode = waitStatus(f[5]);
      r.nodeList = SlurmValues.text(f[6]);
      r.partition = SlurmValues.text(f[7]);
      r.runTime = SlurmValues.duration(f[8]);
      r.timeLimit = SlurmValues.duration(f[9]);
      r.submitted = SlurmValues.instant(f[10], zone);
      r.started = SlurmValues.instant(f[11], zone);
      r.ended = SlurmValues.instant(f[12], zone);
      r.name = f[13];
      jobs.add(r.toJob());
    }
    return List.copyOf(jobs);
  }

  /**
   * Interprets one status poll for the given job ids: the jobs squeue printed, and the ids it no
   * longer knows. squeue asked about a single job that has left the controller fails with "Invalid
   * job id specified" (it only prints nothing for such a job when asked about several), which is
   * read here as that job having vanished.
   *
   * @param requested the ids that were polled ({@code 123}, or {@code 123_4} for one array task);
   *     an array job id matches all its tasks
   * @param exitStatus squeue's exit status
   * @throws SlurmOutputException when squeue failed for another reason or printed something else
   */
  public static QueueSnapshot snapshot(
      Collection<String> requested, int exitStatus, String stdout, String stderr, ZoneId zone) {
    Set<String> vanished = new LinkedHashSet<>(requested);
    if (exitStatus != 0) {
      if (SlurmErrors.isInvalidJobId(stderr)) {
        return new QueueSnapshot(List.of(), vanished);
      }
      throw new SlurmOutputException(
          "squeue failed (exit " + exitStatus + "): " + SlurmErrors.summary(stderr));
    }
    List<SlurmJob> jobs = parse(stdout, zone);
    for (SlurmJob job : jobs) {
      vanished.remove(job.jobId());
      vanished.remove(job.submissionId());
    }
    return new QueueSnapshot(jobs, vanished);
  }

  private static Optional<ExitCode> waitStatus(String field) {
    String value = field.strip();
    if (value.isEmpty() || !value.chars().allMatch(Character::isDigit) || value.length() > 10) {
      return Optional.empty();
    }
    long status = Long.parseLong(value);
    return status > 0xFFFF ? Optional.empty() : Optional.of(ExitCode.fromWaitStatus(status));
  }
}
