package io.camelpcluster.pcluster.headnode;

import java.util.Objects;

/**
 * How a command ended and what it printed, decoded as UTF-8.
 *
 * @param exitCode the exit status, as a shell reports it: 0-255, {@code 128+N} when killed by
 *     signal N
 * @param stdout standard output, at most the command's {@code maxOutputBytes}
 * @param stderr standard error, at most the command's {@code maxOutputBytes}
 * @param stdoutTruncated whether standard output was longer and its end was dropped
 * @param stderrTruncated whether standard error was longer and its end was dropped
 */
public record CommandResult(
    int exitCode, String stdout, String stderr, boolean stdoutTruncated, boolean stderrTruncated) {

  public CommandResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** Whether the command exited with status 0. */
  public boolean succeeded() {
    return exitCode == 0;
  }

  /** Whether either output was cut. */
  public boolean truncated() {
    return stdoutTruncated || stderrTruncated;
  }

  /** Sizes only: output may carry secrets. */
  @Override
  public String toString() {
    return "CommandResult[exit="
        + exitCode
        + ", stdout="
        + stdout.length()
        + (stdoutTruncated ? " chars (truncated)" : " chars")
        + ", stderr="
        + stderr.length()
        + (stderrTruncated ? " chars (truncated)" : " chars")
        + "]";
  }
}
