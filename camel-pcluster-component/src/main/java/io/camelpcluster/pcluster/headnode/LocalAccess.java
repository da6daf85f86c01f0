package io.camelpcluster.pcluster.headnode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head node is this machine. Commands run as the configured user: directly when the JVM runs as
 * that user, otherwise through {@code runuser -u <user>} (which needs the JVM to run as root), with
 * a clean environment ({@code HOME}, {@code USER}, {@code LOGNAME}, {@code SHELL} from the user's
 * account, and {@value #PATH}): nothing of the JVM's environment, such as credentials, reaches
 * them.
 *
 * <p>A command's output goes to files in a private temporary directory and is read when the process
 * exits ({@link Process#onExit()}); no thread of ours waits on it. A command that exceeds its
 * timeout is killed with its descendants. Files are copied by the user's own {@code cat}, so the
 * user's permissions apply on this machine as they would on a remote head node.
 */
public final class LocalAccess implements HeadNodeAccess {

  /** The commands' search path; {@code /opt/slurm/bin} is where ParallelCluster puts Slurm. */
  static final String PATH =
      "/opt/slurm/bin:/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin";

  private static final Logger LOG = LoggerFactory.getLogger(LocalAccess.class);
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);
  private static final List<String> RUNUSER = List.of("/usr/sbin/runuser", "/sbin/runuser");

  private final String user;
  private final Path home;
  private final String shell;
  private final List<String> switchUser;
  private final Path scratch;
  private final Set<Process> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private LocalAccess(String user, Path home, String shell, List<String> switchUser, Path scratch) {
    this.user = user;
    this.home = home;
    this.shell = shell;
    this.switchUser = switchUser;
    this.scratch = scratch;
  }

  /**
   * Access as {@code user}, who must exist here; the JVM must run as root or as that user.
   *
   * @throws HeadNodeException when the user does not exist or cannot be switched to
   */
  public static LocalAccess open(String user) {
    String[] account = account(user);
    String current = ProcessHandle.current().info().user().orElse(System.getProperty("user.name"));
    List<String> switchUser;
    if (current.equals(user)) {
      switchUser = List.of();
    } else if (current.equals("root")) {
      String runuser =
          RUNUSER.stream()
              .filter(p -> Files.isExecutable(Path.of(p)))
              .findFirst()
              .orElseThrow(() -> new HeadNodeException("runuser is not installed: " + RUNUSER));
      switchUser = List.of(runuser, "-u", user, "--");
    } else {
      throw new HeadNodeException(
          "local access as '"
              + user
              + "' needs the JVM to run as root or as '"
              + user
              + "'; it runs as '"
              + current
              + "'");
    }
    try {
      Path scratch =
          Files.createTempDirectory(
              "camel-pcluster-local-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      return new LocalAccess(user, Path.of(account[5]), account[6], switchUser, scratch);
    } catch (IOException e) {
      throw new HeadNodeException("cannot create a temporary directory for commands", e);
    }
  }

  @Override
  public String user() {
    return user;
  }

  /** The user's home directory, where commands start. */
  public Path home() {
    return home;
  }

  @Override
  public CompletableFuture<CommandResult> run(HeadNodeCommand command) {
    String label = command.label();
    Path dir;
    Path in;
    Path out;
    Path err;
    try {
      ensureOpen();
      dir = Files.createTempDirectory(scratch, "cmd-");
      in = Files.writeString(dir.resolve("in"), command.commandLine(), StandardCharsets.UTF_8);
      out = dir.resolve("out");
      err = dir.resolve("err");
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(failure(label, e));
    }
    List<String> argv = new ArrayList<>(switchUser);
    argv.addAll(CommandShell.argv());
    ProcessBuilder builder =
        builder(argv)
            .redirectInput(in.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    return start(
        label,
        command.timeout(),
        builder,
        dir,
        exit -> {
          Captured stdout = Captured.of(out, command.maxOutputBytes());
          Captured stderr = Captured.of(err, command.maxOutputBytes());
          return new CommandResult(
              exit, stdout.text(), stderr.text(), stdout.truncated(), stderr.truncated());
        },
        in);
  }

  @Override
  public CompletableFuture<Void> upload(Path localFile, String remotePath, Duration timeout) {
    return copy(
        "upload to " + remotePath,
        "cat > \"$1\"",
        remotePath,
        timeout,
        ProcessBuilder.Redirect.from(localFile.toFile()),
        ProcessBuilder.Redirect.DISCARD);
  }

  @Override
  public CompletableFuture<Void> download(String remotePath, Path localFile, Duration timeout) {
    return copy(
        "download of " + remotePath,
        "cat < \"$1\"",
        remotePath,
        timeout,
        ProcessBuilder.Redirect.from(new File("/dev/null")),
        ProcessBuilder.Redirect.to(localFile.toFile()));
  }

  /** Kills running commands and removes the temporary directory. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    running.forEach(LocalAccess::kill);
    deleteTree(scratch);
  }

  @Override
  public String toString() {
    return "local access as " + user;
  }

  private CompletableFuture<Void> copy(
      String label,
      String program,
      String remotePath,
      Duration timeout,
      ProcessBuilder.Redirect input,
      ProcessBuilder.Redirect output) {
    Path dir;
    Path err;
    try {
      ensureOpen();
      if (remotePath.isEmpty() || remotePath.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("a head-node path must be non-empty, without NUL");
      }
      dir = Files.createTempDirectory(scratch, "copy-");
      err = dir.resolve("err");
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(failure(label, e));
    }
    List<String> argv = new ArrayList<>(switchUser);
    argv.addAll(List.of("/bin/sh", "-c", program, "sh", remotePath));
    ProcessBuilder builder =
        builder(argv).redirectInput(input).redirectOutput(output).redirectError(err.toFile());
    return start(
        label,
        timeout,
        builder,
        dir,
        exit -> {
          if (exit != 0) {
            throw new HeadNodeException(
                label + " failed (exit " + exit + "): " + Captured.of(err, 4096).text().strip());
          }
          return null;
        },
        null);
  }

  private ProcessBuilder builder(List<String> argv) {
    ProcessBuilder builder = new ProcessBuilder(argv).directory(home.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("HOME", home.toString());
    env.put("USER", user);
    env.put("LOGNAME", user);
    env.put("SHELL", shell);
    env.put("PATH", PATH);
    return builder;
  }

  /**
   * Starts the process, removes {@code deleteAfterStart} (the command line: it was opened for the
   * process), and completes with {@code onExit} of the exit status unless the timeout comes first.
   */
  private <T> CompletableFuture<T> start(
      String label,
      Duration timeout,
      ProcessBuilder builder,
      Path dir,
      IntFunction<T> onExit,
      Path deleteAfterStart) {
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      deleteTree(dir);
      return CompletableFuture.failedFuture(
          new HeadNodeException("cannot start '" + label + "' as " + user + ": " + e, e));
    } finally {
      if (deleteAfterStart != null) {
        deleteTree(deleteAfterStart);
      }
    }
    running.add(process);
    long started = System.nanoTime();
    CompletableFuture<T> result = new CompletableFuture<>();
    ScheduledFuture<?> timer =
        Deadlines.schedule(
            timeout,
            () -> {
              if (result.completeExceptionally(
                  new CommandTimeoutException(label, timeout, toString(), "it was killed"))) {
                kill(process);
              }
            });
    process
        .onExit()
        .whenComplete(
            (p, t) -> {
              timer.cancel(false);
              running.remove(process);
              try {
                if (closed && !result.isDone()) {
                  throw new HeadNodeException("'" + label + "' stopped: " + this + " was closed");
                }
                int exit = process.exitValue();
                LOG.debug(
                    "'{}' as {} exited {} after {} ms",
                    label,
                    user,
                    exit,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                result.complete(onExit.apply(exit));
              } catch (HeadNodeException e) {
                result.completeExceptionally(e);
              } catch (RuntimeException e) {
                result.completeExceptionally(
                    new HeadNodeException("cannot read the outcome of '" + label + "': " + e, e));
              } finally {
                deleteTree(dir);
              }
            });
    return result;
  }

  private void ensureOpen() {
    if (closed) {
      throw new HeadNodeException(this + " is closed");
    }
  }

  private Throwable failure(String label, Exception e) {
    if (e instanceof HeadNodeException || e instanceof IllegalArgumentException) {
      return e;
    }
    return new HeadNodeException("cannot prepare '" + label + "': " + e, e);
  }

  /** Kills a process and its descendants, youngest first so that none is left orphaned. */
  private static void kill(Process process) {
    List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
    for (int i = descendants.size() - 1; i >= 0; i--) {
      descendants.get(i).destroyForcibly();
    }
    process.destroyForcibly();
  }

  /** The user's passwd entry, from {@code getent} (so that directory users are found too). */
  private static String[] account(String user) {
    try {
      Process getent =
          new ProcessBuilder("getent", "passwd", "--", user)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      byte[] stdout = getent.getInputStream().readAllBytes();
      if (!getent.waitFor(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        getent.destroyForcibly();
        throw new HeadNodeException("looking up user '" + user + "' took too long");
      }
      String[] fields = new String(stdout, StandardCharsets.UTF_8).strip().split(":", -1);
      if (getent.exitValue() != 0 || fields.length != 7 || !fields[0].equals(user)) {
        throw new HeadNodeException("user '" + user + "' does not exist on this machine");
      }
      return fields;
    } catch (IOException e) {
      throw new HeadNodeException("cannot look up user '" + user + "' with getent", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HeadNodeException("interrupted while looking up user '" + user + "'", e);
    }
  }

  private static void deleteTree(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("could not delete temporary files {}: {}", path, e.toString());
    }
  }

  /** The start of an output file, and whether there was more. */
  private record Captured(String text, boolean truncated) {
    static Captured of(Path file, int limit) {
      try (var in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes(limit);
        boolean more = in.read() >= 0;
        return new Captured(new String(bytes, StandardCharsets.UTF_8), more);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read command output " + file.getFileName(), e);
      }
    }
  }
}
