package io.camelpcluster.pcluster.slurm;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a job's wrapper keeps its files: {@value #DIRECTORY} under the job's working directory,
 * holding {@code <job>.out} (the job's output), {@code <job>.ec} (its exit status, written last)
 * and {@code <job>.sh} (the user's script). {@code <job>} is the job id, or {@code <array job
 * id>_<task id>} for an array task, as squeue prints them.
 *
 * <p>Paths are relative to the user's home unless the working directory is absolute; commands that
 * use them start with {@code cd}. Remember this value with each submitted job: the exit-code file
 * is how the result of a job is known once Slurm has forgotten it.
 *
 * @param workingDirectory the job's working directory, absolute or relative to home ({@code .} for
 *     home itself)
 */
public record JobFiles(String workingDirectory) {

  /** Name of the directory, under the working directory, that holds the job files. */
  public static final String DIRECTORY = ".pcluster-jobs";

  private static final Pattern JOB_KEY = Pattern.compile("\\d{1,10}(_\\d{1,10})?");

  public JobFiles {
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    if (workingDirectory.isEmpty() || workingDirectory.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("working directory must be a non-empty path");
    }
  }

  /** The files of a job built from this spec. */
  public static JobFiles of(JobSpec spec) {
    return new JobFiles(spec.workingDirectory().orElse("."));
  }

  /** The directory holding the job files. */
  public String directory() {
    if (workingDirectory.equals(".")) {
      return DIRECTORY;
    }
    return workingDirectory.endsWith("/")
        ? workingDirectory + DIRECTORY
        : workingDirectory + "/" + DIRECTORY;
  }

  /** The job's output (stdout and stderr). */
  public String outputFile(String jobKey) {
    return directory() + "/" + checkKey(jobKey) + ".out";
  }

  /** The job's exit status, one decimal number; present once the job's program has ended. */
  public String exitCodeFile(String jobKey) {
    return directory() + "/" + checkKey(jobKey) + ".ec";
  }

  /** The user's script as the job ran it. */
  public String scriptFile(String jobKey) {
    return directory() + "/" + checkKey(jobKey) + ".sh";
  }

  /**
   * Checks a job key ({@code 123} or {@code 123_4}).
   *
   * @return the key
   * @throws IllegalArgumentException for anything else
   */
  public static String checkKey(String jobKey) {
    if (jobKey == null || !JOB_KEY.matcher(jobKey).matches()) {
      throw new IllegalArgumentException(
          "job id must be 123 or 123_4 (array task), was '" + jobKey + "'");
    }
    return jobKey;
  }
}
