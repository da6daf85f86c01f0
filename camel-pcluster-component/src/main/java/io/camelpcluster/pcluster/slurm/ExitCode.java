package io.camelpcluster.pcluster.slurm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a job's batch script ended: the exit status it returned and the signal that killed it (0 when
 * none), as Slurm shows them in {@code ExitCode=3:0}.
 *
 * @param code the exit status, 0-255
 * @param signal the terminating signal number, 0 when the script exited by itself
 */
public record ExitCode(int code, int signal) {

  private static final Pattern PAIR = Pattern.compile("(\\d{1,3}):(\\d{1,3})");

  /** The exit of a successful job. */
  public static final ExitCode SUCCESS = new ExitCode(0, 0);

  public ExitCode {
    if (code < 0 || code > 255) {
      throw new IllegalArgumentException("exit code must be 0-255, was " + code);
    }
    if (signal < 0 || signal > 127) {
      throw new IllegalArgumentException("signal must be 0-127, was " + signal);
    }
  }

  /** Whether the job exited with 0 and was not killed by a signal. */
  public boolean isSuccess() {
    return code == 0 && signal == 0;
  }

  /**
   * Reads Slurm's {@code exit:signal} form ({@code scontrol}'s {@code ExitCode=}, sacct's {@code
   * ExitCode}).
   *
   * @throws SlurmOutputException when the text is not of that form
   */
  public static ExitCode parse(String text) {
    Matcher m = PAIR.matcher(text.trim());
    if (!m.matches()) {
      throw new SlurmOutputException("not an exit code of the form exit:signal: " + text);
    }
    return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), text);
  }

  /**
   * Decodes a Unix wait status as Slurm stores it ({@code squeue -O exit_code}, the {@code
   * exit_code} number of {@code squeue --json} in Slurm 22.05): exit status in bits 8-15, signal in
   * bits 0-6.
   */
  public static ExitCode fromWaitStatus(long status) {
    if (status < 0 || status > 0xFFFF) {
      throw new SlurmOutputException("not a wait status: " + status);
    }
    return new ExitCode((int) (status >> 8) & 0xFF, (int) status & 0x7F);
  }

  private static ExitCode of(int code, int signal, String text) {
    try {
      return new ExitCode(code, signal);
    } catch (IllegalArgumentException e) {
      throw new SlurmOutputException("exit code out of range: " + text, e);
    }
  }

  /** Slurm's {@code exit:signal} form. */
  @Override
  public String toString() {
    return code + ":" + signal;
  }
}
