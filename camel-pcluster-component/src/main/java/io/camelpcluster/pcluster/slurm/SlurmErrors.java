package io.camelpcluster.pcluster.slurm;

import java.util.Locale;

/** Recognises the errors Slurm commands print on stderr that callers handle rather than report. */
public final class SlurmErrors {

  private static final int EXCERPT_LENGTH = 300;

  private SlurmErrors() {}

  /**
   * Whether Slurm said a job id is unknown ({@code slurm_load_jobs error: Invalid job id
   * specified}): squeue and scontrol print it when asked about a single job that has left the
   * controller, so the job is gone rather than the command broken.
   */
  public static boolean isInvalidJobId(String stderr) {
    return contains(stderr, "invalid job id specified");
  }

  /**
   * Whether sacct said there is no accounting ({@code Slurm accounting storage is disabled}), as on
   * clusters without slurmdbd.
   */
  public static boolean isAccountingDisabled(String stderr) {
    return contains(stderr, "accounting storage is disabled");
  }

  /**
   * The most useful line of a command's error output, shortened for an exception message: the last
   * line that mentions an error, otherwise the last non-blank line.
   */
  public static String summary(String stderr) {
    String last = "";
    String lastError = "";
    for (String line : stderr == null ? new String[0] : stderr.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      last = line.strip();
      if (last.toLowerCase(Locale.ROOT).contains("error")) {
        lastError = last;
      }
    }
    return excerpt(lastError.isEmpty() ? last : lastError);
  }

  static String excerpt(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}", " ");
    return oneLine.length() <= EXCERPT_LENGTH
        ? oneLine
        : oneLine.substring(0, EXCERPT_LENGTH) + "...";
  }

  private static boolean contains(String stderr, String needle) {
    return stderr != null && stderr.toLowerCase(Locale.ROOT).contains(needle);
  }
}
