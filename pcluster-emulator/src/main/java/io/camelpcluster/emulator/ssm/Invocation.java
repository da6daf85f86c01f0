package io.camelpcluster.emulator.ssm;

import java.time.Instant;
import java.util.Optional;

/**
 * A command on one instance, from delivery to its end. Thread-safe: the agent moves it along from
 * its own thread while the API reads it.
 */
final class Invocation {

  /** Why the agent stopped a command before it ended by itself. */
  enum StopReason {
    /** CancelCommand. */
    CANCEL,
    /** The execution timeout passed. */
    TIMEOUT,
    /** The instance went away (its cluster was deleted). */
    TERMINATION
  }

  /**
   * What an invocation looks like at one moment.
   *
   * @param visible false while the command is still on its way to the instance (SSM then knows no
   *     invocation yet)
   * @param startedAt null until the agent started it
   * @param endedAt null until it ended
   * @param responseCode its exit code, -1 until it ended
   * @param standardOutput inline stdout, empty until it ended
   * @param standardError inline stderr, empty until it ended
   * @param pluginOutput the plugin's combined output, empty until it ended
   */
  record View(
      SentCommand command,
      ManagedInstance instance,
      InvocationStatus status,
      boolean visible,
      Instant startedAt,
      Instant endedAt,
      int responseCode,
      String standardOutput,
      String standardError,
      String pluginOutput) {}

  private final SentCommand command;
  private final ManagedInstance instance;
  private InvocationStatus status = InvocationStatus.PENDING;
  private boolean visible;
  private Instant startedAt;
  private Instant endedAt;
  private int responseCode = -1;
  private String standardOutput = "";
  private String standardError = "";
  private String pluginOutput = "";
  private Process process;
  private StopReason stopReason;

  Invocation(SentCommand command, ManagedInstance instance, boolean visible) {
    this.command = command;
    this.instance = instance;
    this.visible = visible;
  }

  SentCommand command() {
    return command;
  }

  ManagedInstance instance() {
    return instance;
  }

  synchronized View view() {
    return new View(
        command,
        instance,
        status,
        visible,
        startedAt,
        endedAt,
        responseCode,
        standardOutput,
        standardError,
        pluginOutput);
  }

  /** The agent received it: from now on the API knows it. Returns false if it was stopped. */
  synchronized boolean delivered() {
    visible = true;
    return status == InvocationStatus.PENDING;
  }

  /** The agent started its process. Returns false (and the caller kills it) if it was stopped. */
  synchronized boolean started(Process started, Instant at) {
    if (status != InvocationStatus.PENDING) {
      return false;
    }
    process = started;
    startedAt = at;
    status = InvocationStatus.IN_PROGRESS;
    return true;
  }

  /**
   * Asks to stop it. A pending invocation ends at once; a running one returns its process, which
   * the caller kills (the end is recorded when the process has exited). The first reason wins.
   */
  synchronized Optional<Process> stop(StopReason reason, Instant at) {
    if (status.terminal() || stopReason != null) {
      return Optional.empty();
    }
    stopReason = reason;
    if (status == InvocationStatus.PENDING) {
      visible = true;
      end(
          reason == StopReason.CANCEL ? InvocationStatus.CANCELLED : InvocationStatus.FAILED,
          -1,
          CapturedOutput.EMPTY,
          CapturedOutput.EMPTY,
          at);
      return Optional.empty();
    }
    if (reason == StopReason.CANCEL) {
      status = InvocationStatus.CANCELLING;
    }
    return Optional.of(process);
  }

  /** Why it was stopped, or null. */
  synchronized StopReason stopReason() {
    return stopReason;
  }

  /** It ended: records the outcome and the inline outputs. */
  synchronized void end(
      InvocationStatus outcome,
      int exitCode,
      CapturedOutput stdout,
      CapturedOutput stderr,
      Instant at) {
    status = outcome;
    responseCode = exitCode;
    endedAt = at;
    standardOutput = InlineOutput.standardOutput(stdout);
    standardError = InlineOutput.standardError(stderr);
    pluginOutput = InlineOutput.pluginOutput(stdout, stderr);
    process = null;
  }
}
