package io.camelpcluster.emulator.ssm;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSM agent of every emulated head node: runs the scripts of {@code AWS-RunShellScript} on this
 * machine, as the agent does on an instance. It runs as the emulator's user (root, like the agent;
 * commands switch to the cluster user themselves with {@code runuser -l}), writes the lines to
 * {@code _script.sh} and runs {@code sh -c <script>} with stdout and stderr going to files, kills
 * the process tree when the execution timeout passes, on CancelCommand, or when the head node goes
 * away (whose Slurm jobs it then cancels, see {@link SlurmJobMarker}), and judges the outcome by
 * the agent's rules.
 *
 * <p>Asynchronous: one scheduler thread delivers, times out and finishes commands; each command
 * costs its process and nothing more.
 */
public final class ShellAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShellAgent.class);

  /** The agent's PATH (that of a systemd service). */
  private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** Starts the script as the leader of a new session and process group. */
  private static final String SETSID = "/usr/bin/setsid";

  /** What a killed command exits with (128 + SIGKILL), as the agent reports it. */
  private static final int KILLED = 137;

  private final Path directory;
  private final Path commands;
  private final SlurmJobMarker marker;
  private final Duration deliveryDelay;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Set<Invocation> active = ConcurrentHashMap.newKeySet();

  private ShellAgent(Path directory, SlurmJobMarker marker, Duration deliveryDelay, Clock clock) {
    this.directory = directory;
    this.commands = directory.resolve("commands");
    this.marker = marker;
    this.deliveryDelay = deliveryDelay;
    this.clock = clock;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "pcluster-emulator-ssm-agent");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts the agent in a fresh temporary directory.
   *
   * @param deliveryDelay how long a command takes to reach the instance (SSM knows no invocation
   *     until then)
   * @param clock stamps the invocations
   */
  public static ShellAgent start(Duration deliveryDelay, Clock clock) {
    try {
      Path directory =
          Files.createTempDirectory(
              "pcluster-emulator-ssm-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      Files.createDirectory(
          directory.resolve("commands"),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      return new ShellAgent(
          directory, SlurmJobMarker.create(directory.resolve("slurm")), deliveryDelay, clock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the SSM agent's directory", e);
    }
  }

  /** Whether invocations are known to the API as soon as their command is sent. */
  boolean deliversAtOnce() {
    return deliveryDelay.isZero();
  }

  /** Takes an invocation of a command just sent; it runs once delivered. */
  void send(Invocation invocation) {
    active.add(invocation);
    scheduler.schedule(() -> deliver(invocation), deliveryDelay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** CancelCommand: stops the invocation if it is not over. */
  void cancel(Invocation invocation) {
    stop(invocation, Invocation.StopReason.CANCEL);
  }

  /**
   * The head node went away: its commands are killed (they end {@code Failed}) and the Slurm jobs
   * they submitted are cancelled. Returns at once.
   */
  public void headNodeTerminated(String instanceId) {
    try {
      scheduler.execute(
          () -> {
            active.stream()
                .filter(i -> i.instance().instanceId().equals(instanceId))
                .forEach(i -> stop(i, Invocation.StopReason.TERMINATION));
            marker.cancelJobs(instanceId);
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("The SSM agent is closed; head node {} has nothing left to stop", instanceId);
    }
  }

  /** Kills every command still running and removes the agent's files. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    active.forEach(i -> stop(i, Invocation.StopReason.TERMINATION));
    deleteTree(directory);
  }

  private void deliver(Invocation invocation) {
    if (!invocation.delivered()) {
      active.remove(invocation);
      return;
    }
    SentCommand command = invocation.command();
    Path orchestration =
        commands.resolve(command.commandId()).resolve(invocation.instance().instanceId());
    try {
      Files.createDirectories(orchestration);
      Path script = orchestration.resolve("_script.sh");
      Files.writeString(script, command.script().script(), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
      Path workingDirectory = workingDirectory(command.script(), orchestration);
      if (workingDirectory == null || !Files.isDirectory(workingDirectory)) {
        fail(
            invocation,
            orchestration,
            "Working directory " + command.script().workingDirectory() + " doesn't exist.");
        return;
      }
      ProcessBuilder builder =
          new ProcessBuilder(
                  marker.launcher(
                      invocation.instance().instanceId(),
                      List.of(SETSID, "/bin/sh", "-c", script.toString(), "")))
              .directory(workingDirectory.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(orchestration.resolve("stdout").toFile())
              .redirectError(orchestration.resolve("stderr").toFile());
      Map<String, String> environment = builder.environment();
      environment.clear();
      environment.put("PATH", PATH);
      environment.put("AWS_SSM_INSTANCE_ID", invocation.instance().instanceId());
      environment.put("AWS_SSM_REGION_NAME", command.region());
      Process process = builder.start();
      if (!invocation.started(process, now())) {
        killTree(process);
        active.remove(invocation);
        deleteTree(orchestration);
        return;
      }
      ScheduledFuture<?> timeout =
          scheduler.schedule(
              () -> stop(invocation, Invocation.StopReason.TIMEOUT),
              command.script().executionTimeout().toMillis(),
              TimeUnit.MILLISECONDS);
      process
          .onExit()
          .thenRunAsync(
              () -> {
                timeout.cancel(false);
                finish(invocation, process.exitValue(), orchestration);
              },
              scheduler);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Cannot start command {}", command.commandId(), e);
      fail(invocation, orchestration, "failed to run commands: " + e.getMessage());
    }
  }

  /** Judges the outcome by the agent's rules and records it. */
  private void finish(Invocation invocation, int exitCode, Path orchestration) {
    Invocation.StopReason reason = invocation.stopReason();
    InvocationStatus status;
    if (reason != null) {
      status =
          switch (reason) {
            case CANCEL -> InvocationStatus.CANCELLED;
            case TIMEOUT -> InvocationStatus.TIMED_OUT;
            case TERMINATION -> InvocationStatus.FAILED;
          };
    } else if (exitCode == 0) {
      status = InvocationStatus.SUCCESS;
    } else if (exitCode == KILLED) {
      // the agent cannot tell a SIGKILL from its own timeout kill
      status = InvocationStatus.TIMED_OUT;
    } else {
      status = InvocationStatus.FAILED;
      appendError(orchestration, "failed to run commands: exit status " + exitCode);
    }
    end(invocation, status, exitCode, orchestration);
  }

  private void fail(Invocation invocation, Path orchestration, String message) {
    appendError(orchestration, message);
    end(invocation, InvocationStatus.FAILED, 1, orchestration);
  }

  private void end(
      Invocation invocation, InvocationStatus status, int exitCode, Path orchestration) {
    try {
      invocation.end(
          status,
          exitCode,
          CapturedOutput.read(orchestration.resolve("stdout")),
          CapturedOutput.read(orchestration.resolve("stderr")),
          now());
    } catch (IOException e) {
      LOG.warn("Cannot read the output of command {}", invocation.command().commandId(), e);
      invocation.end(status, exitCode, CapturedOutput.EMPTY, CapturedOutput.EMPTY, now());
    } finally {
      active.remove(invocation);
      deleteTree(orchestration);
    }
  }

  private void stop(Invocation invocation, Invocation.StopReason reason) {
    invocation
        .stop(reason, now())
        .ifPresentOrElse(
            process -> {
              if (reason == Invocation.StopReason.TERMINATION) {
                killTree(process);
              } else {
                killGroup(process);
              }
            },
            () -> removeIfOver(invocation));
  }

  private void removeIfOver(Invocation invocation) {
    if (invocation.view().status().terminal()) {
      active.remove(invocation);
    }
  }

  /** Kills a command's process and every process it started that still runs (the node dies). */
  private static void killTree(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
  }

  /** Kills the command's process group, as the agent does ({@code kill(-pid, SIGKILL)}). */
  private static void killGroup(Process process) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      kill.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      LOG.warn("Cannot kill the process group of command process {}", process.pid(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
  }

  /** Appends to the stderr file as the agent's stderr writer does: on a new line. */
  private static void appendError(Path orchestration, String message) {
    Path stderr = orchestration.resolve("stderr");
    try {
      Files.createDirectories(orchestration);
      boolean empty = !Files.exists(stderr) || Files.size(stderr) == 0;
      Files.writeString(
          stderr,
          (empty ? "" : "\n") + message,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.warn("Cannot write the agent's error to {}", stderr, e);
    }
  }

  /** The directory the script runs in, or null when the parameter is not a path. */
  private static Path workingDirectory(RunShellScript script, Path orchestration) {
    if (script.workingDirectory().isEmpty()) {
      return orchestration;
    }
    try {
      return Path.of(script.workingDirectory());
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  LOG.debug("Cannot delete {}", path, e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("Cannot delete {}", root, e);
    }
  }
}
