package io.camelpcluster.pcluster.headnode;

import io.camelpcluster.pcluster.slurm.ShellQuote;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

/**
 * The head node through AWS Systems Manager Run Command: {@code SendCommand} with {@code
 * AWS-RunShellScript} to the head node's instance, run by its SSM agent as root, which switches to
 * the configured user with {@code runuser -l} (see {@link SsmScripts}). Commands are waited for by
 * the one poller of the SSM client ({@link SsmInvoker}), not by a thread each.
 *
 * <p>Nothing is cut off at SSM's limits: a command line longer than one chunk is staged in parts
 * first, and output beyond what the first answer shows is read back in chunks of 15,000 bytes by
 * further commands, several at once; files are copied the same way. A command's timeout becomes the
 * agent's execution timeout (plus a margin) and is enforced by cancelling the command, which kills
 * its process group; SSM runs a command at most 48 hours.
 *
 * <p>Command lines travel in the SendCommand parameters, Base64-encoded: whoever may read the
 * account's SSM command history ({@code ssm:ListCommands}) can read them, as with any use of Run
 * Command. On the head node they are in root-only files and reach the user's shell on its standard
 * input, never in a process's arguments.
 */
public final class SsmAccess implements HeadNodeAccess {
  private static final Logger LOG = LoggerFactory.getLogger(SsmAccess.class);

  private static final Pattern INSTANCE_ID =
      Pattern.compile("i-[0-9a-f]{8}(?:[0-9a-f]{9})?|mi-[0-9a-f]{17}");

  /** How long each step of a transfer (an input part, an output chunk, a cleanup) may take. */
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

  /** How much of stderr a failed transfer reports. */
  private static final int ERROR_BYTES = 4096;

  private final String user;
  private final String clusterName;
  private final String instanceId;
  private final SsmInvoker invoker;
  private final int parallelTransfers;
  private final Set<CompletableFuture<GetCommandInvocationResponse>> inFlight =
      ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private SsmAccess(
      String user,
      String clusterName,
      String instanceId,
      SsmInvoker invoker,
      int parallelTransfers) {
    this.user = user;
    this.clusterName = clusterName;
    this.instanceId = instanceId;
    this.invoker = invoker;
    this.parallelTransfers = parallelTransfers;
  }

  /**
   * Access as {@code user} to the head node {@code instanceId}; nothing is sent until the first
   * command.
   *
   * @throws IllegalArgumentException when {@code instanceId} is not an instance id
   */
  static SsmAccess open(
      String user, String clusterName, String instanceId, SsmInvoker invoker, int parallel) {
    if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
      throw new IllegalArgumentException("not an EC2 instance id: '" + instanceId + "'");
    }
    return new SsmAccess(user, clusterName, instanceId, invoker, parallel);
  }

  @Override
  public String user() {
    return user;
  }

  /** The head node's instance. */
  public String instanceId() {
    return instanceId;
  }

  @Override
  public CompletableFuture<CommandResult> run(HeadNodeCommand command) {
    if (command.timeout().compareTo(SsmInvoker.MAX_TIMEOUT) > 0) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "headNodeAccess=ssm runs a command at most 48 hours (the SSM agent's limit);"
                  + " '"
                  + command.label()
                  + "' asks for "
                  + command.timeout()));
    }
    String dir = newDirectory();
    int max = command.maxOutputBytes();
    List<String> parts = SsmScripts.chunks(command.commandLine().getBytes(StandardCharsets.UTF_8));
    return cleaningUp(
        dir,
        stage(dir, command.label(), parts)
            .thenCompose(
                inline ->
                    execute(
                        dir,
                        command.label(),
                        CommandShell.PROGRAM,
                        true,
                        inline,
                        max,
                        max,
                        command.timeout()))
            .thenCompose(
                answer ->
                    outputs(dir, command.label(), answer, max)
                        .thenApply(
                            out ->
                                new CommandResult(
                                    answer.exitCode(),
                                    text(out.get(0)),
                                    text(out.get(1)),
                                    answer.stdoutSize() > max,
                                    answer.stderrSize() > max))));
  }

  @Override
  public CompletableFuture<Void> upload(Path localFile, String remotePath, Duration timeout) {
    String what = "upload to " + remotePath;
    long size;
    try {
      checkRemotePath(remotePath);
      size = Files.size(localFile);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(failure(what, e));
    }
    String dir = newDirectory();
    int count = (int) Math.max(1, (size + SsmScripts.CHUNK_BYTES - 1) / SsmScripts.CHUNK_BYTES);
    CompletableFuture<Optional<String>> staged;
    if (count == 1) {
      staged = readPart(localFile, 0, size).thenApply(Optional::of);
    } else {
      List<Supplier<CompletableFuture<Void>>> steps = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        steps.add(
            () ->
                readPart(localFile, index, size)
                    .thenCompose(
                        part ->
                            step("upload", SsmScripts.stagePart(dir, index, part), timeout)
                                .thenApply(done -> (Void) null)));
      }
      staged = inParallel(steps).thenApply(done -> Optional.empty());
    }
    return cleaningUp(
        dir,
        staged
            .thenCompose(
                inline ->
                    execute(
                        dir,
                        "upload",
                        "cat > " + ShellQuote.quote(remotePath),
                        true,
                        inline,
                        0,
                        ERROR_BYTES,
                        timeout))
            .thenCompose(answer -> requireSuccess(dir, what, answer)));
  }

  @Override
  public CompletableFuture<Void> download(String remotePath, Path localFile, Duration timeout) {
    String what = "download of " + remotePath;
    try {
      checkRemotePath(remotePath);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(failure(what, e));
    }
    String dir = newDirectory();
    return cleaningUp(
        dir,
        execute(
                dir,
                "download",
                "cat < " + ShellQuote.quote(remotePath),
                false,
                Optional.empty(),
                Long.MAX_VALUE,
                ERROR_BYTES,
                timeout)
            .thenCompose(
                answer ->
                    requireSuccess(dir, what, answer)
                        .thenCompose(ok -> saveOutput(dir, answer, localFile, timeout))
                        .thenRun(
                            () -> {
                              if (answer.staged()) {
                                removeLater(dir);
                              }
                            })));
  }

  /** Fails what is in flight (the poller cancels those commands); idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    HeadNodeException stopped = new HeadNodeException(this + " was closed");
    inFlight.forEach(f -> f.completeExceptionally(stopped));
  }

  @Override
  public String toString() {
    return "SSM access as " + user + " to " + where();
  }

  /** Stages the parts of an input, unless it is one part: that one goes with the command. */
  private CompletableFuture<Optional<String>> stage(String dir, String label, List<String> parts) {
    if (parts.size() == 1) {
      return CompletableFuture.completedFuture(Optional.of(parts.get(0)));
    }
    List<Supplier<CompletableFuture<Void>>> steps = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      int index = i;
      steps.add(
          () ->
              step(label, SsmScripts.stagePart(dir, index, parts.get(index)), STEP_TIMEOUT)
                  .thenApply(done -> (Void) null));
    }
    return inParallel(steps).thenApply(done -> Optional.empty());
  }

  private CompletableFuture<SsmScripts.Answer> execute(
      String dir,
      String label,
      String userCommand,
      boolean withInput,
      Optional<String> inlinePart,
      long maxStdout,
      long maxStderr,
      Duration timeout) {
    List<String> script =
        SsmScripts.execute(dir, user, userCommand, withInput, inlinePart, maxStdout, maxStderr);
    return invoke(label, script, timeout)
        .thenApply(
            invocation -> {
              if (invocation.status() != CommandInvocationStatus.SUCCESS) {
                throw new HeadNodeException(
                    "'"
                        + label
                        + "' could not start on "
                        + where()
                        + " (exit "
                        + invocation.responseCode()
                        + "): "
                        + invocation.standardErrorContent().strip());
              }
              try {
                return SsmScripts.parse(invocation.standardOutputContent());
              } catch (IllegalArgumentException e) {
                throw new HeadNodeException(
                    "unexpected SSM answer for '" + label + "' from " + where() + ": " + e, e);
              }
            });
  }

  /** The outputs to return: inline, or read back from the files (then the directory goes). */
  private CompletableFuture<List<byte[]>> outputs(
      String dir, String label, SsmScripts.Answer answer, int max) {
    if (!answer.staged()) {
      return CompletableFuture.completedFuture(
          List.of(answer.stdout().orElseThrow(), answer.stderr().orElseThrow()));
    }
    CompletableFuture<byte[]> stdout = read(dir, label, "out", Math.min(answer.stdoutSize(), max));
    return stdout
        .thenCompose(
            out ->
                read(dir, label, "err", Math.min(answer.stderrSize(), max))
                    .thenApply(err -> List.of(out, err)))
        .thenApply(
            out -> {
              removeLater(dir);
              return out;
            });
  }

  private CompletableFuture<Void> requireSuccess(
      String dir, String what, SsmScripts.Answer answer) {
    if (answer.exitCode() == 0) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<byte[]> stderr =
        answer.staged()
            ? read(dir, what, "err", Math.min(answer.stderrSize(), ERROR_BYTES))
            : CompletableFuture.completedFuture(answer.stderr().orElseThrow());
    return stderr.thenApply(
        err -> {
          throw new HeadNodeException(
              what + " failed (exit " + answer.exitCode() + "): " + text(err).strip());
        });
  }

  private CompletableFuture<Void> saveOutput(
      String dir, SsmScripts.Answer answer, Path localFile, Duration timeout) {
    try {
      if (!answer.staged()) {
        Files.write(localFile, answer.stdout().orElseThrow());
        return CompletableFuture.completedFuture(null);
      }
      FileChannel channel =
          FileChannel.open(
              localFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
      return chunks(
              dir,
              "download",
              "out",
              answer.stdoutSize(),
              timeout,
              (offset, bytes) -> channel.write(ByteBuffer.wrap(bytes), offset))
          .whenComplete((done, e) -> closeQuietly(channel));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(
          new HeadNodeException("cannot write " + localFile + ": " + e, e));
    }
  }

  /** Reads the first {@code length} bytes of an output file. */
  private CompletableFuture<byte[]> read(String dir, String label, String file, long length) {
    byte[] bytes = new byte[(int) length];
    return chunks(
            dir,
            label,
            file,
            length,
            STEP_TIMEOUT,
            (offset, chunk) -> System.arraycopy(chunk, 0, bytes, (int) offset, chunk.length))
        .thenApply(done -> bytes);
  }

  /** Where each chunk of an output file goes. */
  @FunctionalInterface
  private interface ChunkSink {
    void accept(long offset, byte[] bytes) throws IOException;
  }

  private CompletableFuture<Void> chunks(
      String dir, String label, String file, long length, Duration timeout, ChunkSink sink) {
    List<Supplier<CompletableFuture<Void>>> steps = new ArrayList<>();
    for (long offset = 0; offset < length; offset += SsmScripts.CHUNK_BYTES) {
      long from = offset;
      int size = (int) Math.min(SsmScripts.CHUNK_BYTES, length - offset);
      steps.add(
          () ->
              step(label, SsmScripts.readChunk(dir, file, from, size), timeout)
                  .thenApply(
                      invocation -> {
                        try {
                          sink.accept(
                              from,
                              SsmScripts.decodeChunk(invocation.standardOutputContent(), size));
                          return null;
                        } catch (IOException | IllegalArgumentException e) {
                          throw new HeadNodeException(
                              "cannot read the output of '"
                                  + label
                                  + "' from "
                                  + where()
                                  + ": "
                                  + e,
                              e);
                        }
                      }));
    }
    return inParallel(steps).thenApply(done -> null);
  }

  /** A helper command that must succeed. */
  private CompletableFuture<GetCommandInvocationResponse> step(
      String label, List<String> script, Duration timeout) {
    return invoke(label, script, timeout)
        .thenApply(
            invocation -> {
              if (invocation.status() != CommandInvocationStatus.SUCCESS) {
                throw new HeadNodeException(
                    "a step of '"
                        + label
                        + "' failed on "
                        + where()
                        + " (exit "
                        + invocation.responseCode()
                        + "): "
                        + invocation.standardErrorContent().strip());
              }
              return invocation;
            });
  }

  private CompletableFuture<GetCommandInvocationResponse> invoke(
      String label, List<String> script, Duration timeout) {
    if (closed) {
      return CompletableFuture.failedFuture(new HeadNodeException(this + " is closed"));
    }
    CompletableFuture<GetCommandInvocationResponse> invocation =
        invoker.invoke(new SsmInvoker.Request(instanceId, label, script, timeout, where()));
    inFlight.add(invocation);
    invocation.whenComplete((r, e) -> inFlight.remove(invocation));
    return invocation;
  }

  /** Removes the command's directory if the work fails (it may have left files there). */
  private <T> CompletableFuture<T> cleaningUp(String dir, CompletableFuture<T> work) {
    return work.whenComplete(
        (result, error) -> {
          if (error != null) {
            removeLater(dir);
          }
        });
  }

  /** Removes a command's directory without waiting for it, even once this access is closed. */
  private void removeLater(String dir) {
    invoker
        .invoke(
            new SsmInvoker.Request(
                instanceId, "cleanup", SsmScripts.remove(dir), STEP_TIMEOUT, where()))
        .whenComplete(
            (done, e) -> {
              if (e != null || done.status() != CommandInvocationStatus.SUCCESS) {
                LOG.debug("Could not remove {} on {}", dir, where());
              }
            });
  }

  /** Runs steps, at most {@code parallelTransfers} at a time; fails with the first failure. */
  private <T> CompletableFuture<List<T>> inParallel(List<Supplier<CompletableFuture<T>>> steps) {
    CompletableFuture<List<T>> all = new CompletableFuture<>();
    if (steps.isEmpty()) {
      all.complete(List.of());
      return all;
    }
    List<T> results =
        Collections.synchronizedList(new ArrayList<>(Collections.nCopies(steps.size(), null)));
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Runnable[] worker = new Runnable[1];
    worker[0] =
        () -> {
          int index = next.getAndIncrement();
          if (index >= steps.size() || all.isDone()) {
            return;
          }
          steps
              .get(index)
              .get()
              .whenComplete(
                  (result, error) -> {
                    if (error != null) {
                      all.completeExceptionally(unwrap(error));
                    } else {
                      results.set(index, result);
                      if (finished.incrementAndGet() == steps.size()) {
                        all.complete(results);
                      } else {
                        worker[0].run();
                      }
                    }
                  });
        };
    for (int i = 0; i < Math.min(parallelTransfers, steps.size()); i++) {
      worker[0].run();
    }
    return all;
  }

  private CompletableFuture<String> readPart(Path file, int index, long size) {
    long offset = (long) index * SsmScripts.CHUNK_BYTES;
    int length = (int) Math.min(SsmScripts.CHUNK_BYTES, size - offset);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(Math.max(0, length));
      while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
        // positional reads until the part is whole
      }
      return CompletableFuture.completedFuture(
          Base64.getEncoder().encodeToString(buffer.flip().array()));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(
          new HeadNodeException("cannot read " + file + ": " + e, e));
    }
  }

  private String where() {
    return "the head node " + instanceId + " of cluster '" + clusterName + "' (SSM)";
  }

  private static String newDirectory() {
    return SsmScripts.directory(UUID.randomUUID().toString());
  }

  private static void checkRemotePath(String remotePath) {
    if (remotePath.isEmpty() || remotePath.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a head-node path must be non-empty, without NUL");
    }
  }

  private static Throwable failure(String what, Exception e) {
    if (e instanceof HeadNodeException || e instanceof IllegalArgumentException) {
      return e;
    }
    return new HeadNodeException("cannot prepare the " + what + ": " + e, e);
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("Could not close a download file: {}", e.toString());
    }
  }
}
