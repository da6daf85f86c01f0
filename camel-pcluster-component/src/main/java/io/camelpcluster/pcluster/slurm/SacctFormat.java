package io.camelpcluster.pcluster.slurm;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sacct output format used to look up finished jobs in accounting, and its parser. Only
 * clusters with slurmdbd have accounting; elsewhere sacct fails with "Slurm accounting storage is
 * disabled" ({@link SlurmErrors#isAccountingDisabled}).
 *
 * <p>Used with {@code --parsable2 --noheader -X}: one line per job allocation (array tasks each on
 * their own line), fields separated by {@code |}, the job name last so a {@code |} in it cannot
 * shift the other fields.
 */
public final class SacctFormat {

  /** The argument of {@code sacct --format}. */
  public static final String FIELDS =
      "JobID,State,ExitCode,Reason,NodeList,Partition,Elapsed,Timelimit,Submit,Start,End,JobName";

  private static final int FIELD_COUNT = 12;

  private SacctFormat() {}

  /**
   * Parses the lines printed with {@link #FIELDS}.
   *
   * @param zone the head node's time zone, in which sacct prints times (UTC on ParallelCluster)
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
            "not a line of the sacct format: " + SlurmErrors.excerpt(line));
      }
      JobReport r = new JobReport();
      r.jobId = f[0].strip();
      int underscore = r.jobId.indexOf('_');
      if (underscore > 0) {
        r.arrayJobId = Optional.of(r.jobId.substring(0, underscore));
        String task = r.jobId.substring(underscore + 1);
        r.arrayTaskId =
            Optional.of(
                task.startsWith("[") && task.endsWith("]")
                    ? task.substring(1, task.length() - 1)
                    : task);
      }
      r.rawState = f[1].strip();
      r.state = SlurmState.of(r.rawState);
      r.exitCode = f[2].isBlank() ? Optional.empty() : Optional.of(ExitCode.parse(f[2]));
      r.reason = SlurmValues.text(f[3]);
      r.nodeList = SlurmValues.text(f[4]).filter(n -> !n.equalsIgnoreCase("None assigned"));
      r.partition = SlurmValues.text(f[5]);
      r.runTime = SlurmValues.duration(f[6]);
      r.timeLimit = SlurmValues.duration(f[7]);
      r.submitted = SlurmValues.instant(f[8], zone);
      r.started = SlurmValues.instant(f[9], zone);
      r.ended = SlurmValues.instant(f[10], zone);
      r.name = f[11];
      jobs.add(r.toJob());
    }
    return List.copyOf(jobs);
  }
}
