package io.camelpcluster.pcluster.headnode;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One command for a head node: a command line for a POSIX shell, and a label that names it in logs
 * and errors (the command line itself is never logged: it may carry secrets).
 *
 * @param label a short description, e.g. {@code sbatch}; printable ASCII, at most {@value
 *     #MAX_LABEL_LENGTH} characters
 * @param commandLine the command line, with every value already quoted (see {@code ShellQuote})
 * @param timeout how long the command may run before it is killed; no other limit applies
 * @param maxOutputBytes how much of stdout and of stderr (each) is kept; the rest is read and
 *     dropped, and the result says so
 */
public record HeadNodeCommand(
    String label, String commandLine, Duration timeout, int maxOutputBytes) {

  /** Output kept per stream unless said otherwise: 16 MiB. */
  public static final int DEFAULT_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

  /** Longest label. */
  public static final int MAX_LABEL_LENGTH = 120;

  private static final Pattern LABEL = Pattern.compile("[\\x20-\\x7E]{1," + MAX_LABEL_LENGTH + "}");

  public HeadNodeCommand {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(commandLine, "commandLine");
    Objects.requireNonNull(timeout, "timeout");
    if (!LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException(
          "a command label is 1-" + MAX_LABEL_LENGTH + " printable ASCII characters");
    }
    if (commandLine.isBlank()) {
      throw new IllegalArgumentException("command '" + label + "' has an empty command line");
    }
    if (commandLine.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("command '" + label + "' contains a NUL character");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "command '" + label + "' needs a positive timeout, was " + timeout);
    }
    if (maxOutputBytes < 1) {
      throw new IllegalArgumentException(
          "command '" + label + "' needs maxOutputBytes >= 1, was " + maxOutputBytes);
    }
  }

  /** A command keeping up to {@link #DEFAULT_MAX_OUTPUT_BYTES} of each output stream. */
  public HeadNodeCommand(String label, String commandLine, Duration timeout) {
    this(label, commandLine, timeout, DEFAULT_MAX_OUTPUT_BYTES);
  }

  /** Names the command by its label only. */
  @Override
  public String toString() {
    return "HeadNodeCommand[" + label + ", " + commandLine.length() + " chars, " + timeout + "]";
  }
}
