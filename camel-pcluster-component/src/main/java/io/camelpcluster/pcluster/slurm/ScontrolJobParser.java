package io.camelpcluster.pcluster.slurm;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code scontrol show job -o}: one line per job (one per array task, plus one for the
 * array's pending tasks) of {@code Key=value} fields separated by blanks, where values may contain
 * blanks themselves ({@code Command=}, {@code WorkDir=}, {@code JobName=}...).
 *
 * <p>A value runs to the next blank followed by a {@code Key=}; when a key appears twice the first
 * occurrence counts. This format is ambiguous by nature: a job name (which comes second) or a path
 * containing a blank followed by {@code Key=} would read as fields, so {@link JobSpec} rejects such
 * names and paths, and {@link SqueueFormat}, which prints the name last, is the unambiguous source
 * of a job's state. Use this parser to describe a job in detail.
 */
public final class ScontrolJobParser {

  private static final Pattern KEY = Pattern.compile("(?:^| )([A-Za-z][A-Za-z0-9_:/.]*)=");

  private ScontrolJobParser() {}

  /**
   * Parses every job in the output.
   *
   * @param stdout the output of {@code scontrol show job -o [id]}
   * @param zone the head node's time zone, in which scontrol prints times (UTC on ParallelCluster)
   * @throws SlurmOutputException when a line is not a job record
   */
  public static List<SlurmJob> parse(String stdout, ZoneId zone) {
    List<SlurmJob> jobs = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      String record = line.strip();
      if (record.isEmpty() || record.equalsIgnoreCase("No jobs in the system")) {
        continue;
      }
      if (!record.startsWith("JobId=")) {
        throw new SlurmOutputException(
            "not a line of 'scontrol show job -o': " + SlurmErrors.excerpt(record));
      }
      jobs.add(toJob(fields(record), zone));
    }
    return List.copyOf(jobs);
  }

  /** Splits one record into its fields. */
  static Map<String, String> fields(String record) {
    Map<String, String> fields = new HashMap<>();
    Matcher key = KEY.matcher(record);
    String currentKey = null;
    int valueStart = 0;
    while (key.find()) {
      if (currentKey != null) {
        fields.putIfAbsent(currentKey, record.substring(valueStart, key.start()));
      }
      currentKey = key.group(1);
      valueStart = key.end();
    }
    if (currentKey != null) {
      fields.putIfAbsent(currentKey, record.substring(valueStart).strip());
    }
    return fields;
  }

  private static SlurmJob toJob(Map<String, String> f, ZoneId zone) {
    JobReport r = new JobReport();
    r.arrayJobId = SlurmValues.text(token(f, "ArrayJobId"));
    r.arrayTaskId = SlurmValues.text(token(f, "ArrayTaskId"));
    r.jobId = r.displayId(token(f, "JobId"));
    r.name = f.getOrDefault("JobName", "");
    r.rawState = token(f, "JobState");
    r.state = SlurmState.of(r.rawState);
    r.reason = SlurmValues.text(f.get("Reason"));
    String exit = token(f, "ExitCode");
    if (!exit.isEmpty()) {
      r.exitCode = Optional.of(ExitCode.parse(exit));
    }
    r.nodeList = SlurmValues.text(token(f, "NodeList"));
    r.partition = SlurmValues.text(token(f, "Partition"));
    r.submitted = SlurmValues.instant(token(f, "SubmitTime"), zone);
    r.started = SlurmValues.instant(token(f, "StartTime"), zone);
    r.ended = SlurmValues.instant(token(f, "EndTime"), zone);
    r.runTime = SlurmValues.duration(token(f, "RunTime"));
    r.timeLimit = SlurmValues.duration(token(f, "TimeLimit"));
    return r.toJob();
  }

  /** The first word of a field whose values never contain blanks; empty when absent. */
  private static String token(Map<String, String> fields, String key) {
    String value = fields.getOrDefault(key, "").strip();
    int blank = value.indexOf(' ');
    return blank < 0 ? value : value.substring(0, blank);
  }
}
