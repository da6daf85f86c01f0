package io.camelpcluster.pcluster.slurm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job accepted by {@code sbatch --parsable}, which prints {@code jobid} or {@code jobid;cluster}.
 *
 * @param jobId the job id (for an array, the array job id)
 * @param cluster the cluster name, printed only in multi-cluster setups
 */
public record SubmittedJob(String jobId, Optional<String> cluster) {

  private static final Pattern PARSABLE = Pattern.compile("(\\d{1,10})(?:;(\\S+))?");

  /**
   * Reads the output of {@code sbatch --parsable}: the last non-blank line of stdout.
   *
   * @throws SlurmOutputException when there is no job id in it
   */
  public static SubmittedJob parse(String stdout) {
    String last = "";
    for (String line : stdout.split("\n")) {
      if (!line.isBlank()) {
        last = line.strip();
      }
    }
    Matcher m = PARSABLE.matcher(last);
    if (!m.matches()) {
      throw new SlurmOutputException(
          "sbatch printed no job id" + (last.isEmpty() ? "" : ": " + SlurmErrors.excerpt(last)));
    }
    return new SubmittedJob(m.group(1), Optional.ofNullable(m.group(2)));
  }
}
