package io.camelpcluster.pcluster.jobs;

import java.util.Objects;

/**
 * The end of a job's output file (stdout and stderr together), decoded as UTF-8.
 *
 * @param text the last bytes of the file, at most the number asked for
 * @param sizeBytes the size of the whole file
 * @param truncated whether the file is larger than {@code text}: its beginning was left out
 */
public record JobOutput(String text, long sizeBytes, boolean truncated) {

  public JobOutput {
    Objects.requireNonNull(text, "text");
  }

  /** Sizes only: output may carry secrets. */
  @Override
  public String toString() {
    return "JobOutput[" + text.length() + " chars of " + sizeBytes + " bytes]";
  }
}
