package io.camelpcluster.pcluster.headnode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * Runs {@code AWS-RunShellScript} commands through one SSM client and waits for them without a
 * thread per command: one thread sends them and, every poll interval, asks about each command in
 * flight ({@code GetCommandInvocation}), completing its future when it ends. A command past its
 * timeout is cancelled ({@code CancelCommand}); so is one whose future was completed by its caller
 * (e.g. an access that was closed). The thread goes away when nothing is in flight.
 *
 * <p>The agent's own execution timeout is set a minute beyond the command's timeout, at least the 5
 * seconds the agent accepts and at most its 48 hours, as a backstop should this JVM stop polling.
 */
final class SsmInvoker {
  private static final Logger LOG = LoggerFactory.getLogger(SsmInvoker.class);

  static final String DOCUMENT = "AWS-RunShellScript";

  /** The longest command SSM runs: the agent's maximum execution timeout. */
  static final Duration MAX_TIMEOUT = Duration.ofHours(48);

  private static final long BACKSTOP_MARGIN_SECONDS = 60;
  private static final long MIN_EXECUTION_TIMEOUT_SECONDS = 5;
  private static final int MAX_COMMENT = 100;
  private static final int MAX_POLL_FAILURES = 10;

  private final SsmSettings settings;
  private final ScheduledThreadPoolExecutor thread;

  /** Touched on the invoker's thread only. */
  private final Map<String, InFlight> inFlight = new LinkedHashMap<>();

  private ScheduledFuture<?> nextPoll;

  /**
   * One command to run.
   *
   * @param instanceId the head node's instance
   * @param label names the command in the SSM comment, logs and errors
   * @param lines the script
   * @param timeout how long it may take from sending to its end
   * @param where the head node, for messages
   */
  record Request(
      String instanceId, String label, List<String> lines, Duration timeout, String where) {}

  private static final class InFlight {
    final String commandId;
    final Request request;
    final CompletableFuture<GetCommandInvocationResponse> result;
    final long deadline;
    int failures;

    InFlight(
        String commandId,
        Request request,
        CompletableFuture<GetCommandInvocationResponse> result,
        long deadline) {
      this.commandId = commandId;
      this.request = request;
      this.result = result;
      this.deadline = deadline;
    }
  }

  SsmInvoker(SsmSettings settings) {
    this.settings = settings;
    this.thread =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "camel-pcluster-ssm");
              t.setDaemon(true);
              return t;
            });
    thread.setKeepAliveTime(30, TimeUnit.SECONDS);
    thread.allowCoreThreadTimeOut(true);
    thread.setRemoveOnCancelPolicy(true);
  }

  /**
   * Sends a command and completes with its invocation once it ended with {@code Success} or {@code
   * Failed}; fails with a {@link CommandTimeoutException} past its timeout, or a {@link
   * HeadNodeException} when SSM refuses it, cannot deliver it or stops answering. Completing the
   * returned future early cancels the command.
   */
  CompletableFuture<GetCommandInvocationResponse> invoke(Request request) {
    CompletableFuture<GetCommandInvocationResponse> result = new CompletableFuture<>();
    try {
      thread.execute(() -> send(request, result));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new HeadNodeException("the SSM poller is stopped", e));
    }
    return result;
  }

  private void send(Request request, CompletableFuture<GetCommandInvocationResponse> result) {
    if (result.isDone()) {
      return;
    }
    long deadline = System.nanoTime() + request.timeout().toNanos();
    try {
      String commandId =
          settings
              .client()
              .sendCommand(
                  r ->
                      r.documentName(DOCUMENT)
                          .instanceIds(request.instanceId())
                          .comment(comment(request.label()))
                          .timeoutSeconds((int) settings.deliveryTimeout().toSeconds())
                          .parameters(
                              Map.of(
                                  "commands",
                                  List.of(String.join("\n", request.lines())),
                                  "executionTimeout",
                                  List.of(executionTimeout(request.timeout())))))
              .command()
              .commandId();
      LOG.debug("Sent '{}' to {} as SSM command {}", request.label(), request.where(), commandId);
      inFlight.put(commandId, new InFlight(commandId, request, result, deadline));
      schedulePoll();
    } catch (InvalidInstanceIdException e) {
      result.completeExceptionally(
          new HeadNodeException(
              "SSM cannot reach "
                  + request.where()
                  + " (is the instance running and its SSM agent online?): "
                  + message(e),
              e));
    } catch (SsmException e) {
      result.completeExceptionally(
          new HeadNodeException(
              "SSM refused '" + request.label() + "' for " + request.where() + ": " + message(e),
              e));
    } catch (RuntimeException e) {
      result.completeExceptionally(
          new HeadNodeException(
              "cannot send '" + request.label() + "' to " + request.where() + " by SSM: " + e, e));
    }
  }

  private void schedulePoll() {
    if (nextPoll == null || nextPoll.isDone()) {
      Runnable task = this::poll;
      nextPoll = thread.schedule(task, settings.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void poll() {
    nextPoll = null;
    for (InFlight command : new ArrayList<>(inFlight.values())) {
      if (poll(command)) {
        inFlight.remove(command.commandId);
      }
    }
    if (!inFlight.isEmpty()) {
      schedulePoll();
    }
  }

  /** Asks about one command; returns whether it is no longer in flight. */
  private boolean poll(InFlight command) {
    Request request = command.request;
    if (command.result.isDone()) {
      cancel(command);
      return true;
    }
    try {
      GetCommandInvocationResponse invocation =
          settings
              .client()
              .getCommandInvocation(
                  r -> r.commandId(command.commandId).instanceId(request.instanceId()));
      command.failures = 0;
      if (ended(command, invocation)) {
        return true;
      }
    } catch (InvocationDoesNotExistException e) {
      LOG.trace("SSM command {} not delivered yet", command.commandId);
    } catch (RuntimeException e) {
      if (++command.failures >= MAX_POLL_FAILURES) {
        command.result.completeExceptionally(
            new HeadNodeException(
                "SSM stopped answering about '"
                    + request.label()
                    + "' on "
                    + request.where()
                    + ": "
                    + e,
                e));
        return true;
      }
      LOG.debug("Polling SSM command {} failed: {}", command.commandId, e.toString());
    }
    if (System.nanoTime() - command.deadline >= 0) {
      cancel(command);
      command.result.completeExceptionally(
          new CommandTimeoutException(
              request.label(),
              request.timeout(),
              request.where(),
              "it was killed through CancelCommand"));
      return true;
    }
    return false;
  }

  /** Completes the command's future if the invocation ended; returns whether it did. */
  private static boolean ended(InFlight command, GetCommandInvocationResponse invocation) {
    Request request = command.request;
    CommandInvocationStatus status = invocation.status();
    if (status == CommandInvocationStatus.SUCCESS || status == CommandInvocationStatus.FAILED) {
      command.result.complete(invocation);
      return true;
    }
    if (status == CommandInvocationStatus.TIMED_OUT) {
      command.result.completeExceptionally(
          "ExecutionTimedOut".equals(invocation.statusDetails())
              ? new CommandTimeoutException(
                  request.label(), request.timeout(), request.where(), "the SSM agent killed it")
              : new HeadNodeException(
                  "SSM could not deliver '"
                      + request.label()
                      + "' to "
                      + request.where()
                      + " ("
                      + invocation.statusDetails()
                      + "): is its SSM agent online?"));
      return true;
    }
    if (status == CommandInvocationStatus.CANCELLED) {
      command.result.completeExceptionally(
          new HeadNodeException(
              "'" + request.label() + "' on " + request.where() + " was cancelled in SSM"));
      return true;
    }
    return false;
  }

  private void cancel(InFlight command) {
    try {
      settings.client().cancelCommand(r -> r.commandId(command.commandId));
    } catch (RuntimeException e) {
      LOG.debug("Cancelling SSM command {} failed: {}", command.commandId, e.toString());
    }
  }

  /** The agent's execution timeout for a command: a backstop beyond the command's timeout. */
  static String executionTimeout(Duration timeout) {
    long seconds = (timeout.toMillis() + 999) / 1000 + BACKSTOP_MARGIN_SECONDS;
    return String.valueOf(
        Math.min(MAX_TIMEOUT.toSeconds(), Math.max(MIN_EXECUTION_TIMEOUT_SECONDS, seconds)));
  }

  private static String comment(String label) {
    String comment = "camel-pcluster: " + label;
    return comment.length() <= MAX_COMMENT ? comment : comment.substring(0, MAX_COMMENT);
  }

  private static String message(SsmException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String text = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return (code == null ? "" : code) + (text == null || text.isBlank() ? "" : ": " + text);
  }
}
