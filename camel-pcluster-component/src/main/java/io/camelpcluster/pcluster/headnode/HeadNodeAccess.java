package io.camelpcluster.pcluster.headnode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A way into one head node: runs shell commands and copies files there as one POSIX user, fixed
 * when the access is opened (from configuration, never from message data).
 *
 * <p>Operations are asynchronous and thread-safe. A command's future fails with a {@link
 * CommandTimeoutException} when it runs longer than its timeout (the command is then killed), or
 * with a {@link HeadNodeException} when the head node cannot be reached. A non-zero exit status is
 * not an error here: it is in the {@link CommandResult}.
 */
public sealed interface HeadNodeAccess extends AutoCloseable
    permits LocalAccess, SshAccess, SsmAccess {

  /** The POSIX user commands run as. */
  String user();

  /**
   * Runs one command line in a POSIX shell, in the user's home directory, with standard input at
   * end of file.
   */
  CompletableFuture<CommandResult> run(HeadNodeCommand command);

  /**
   * Copies a local file to the head node, replacing the target; a relative target is relative to
   * the user's home. The target's directory must exist.
   */
  CompletableFuture<Void> upload(Path localFile, String remotePath, Duration timeout);

  /** Copies a file from the head node (relative to the user's home) to a local file. */
  CompletableFuture<Void> download(String remotePath, Path localFile, Duration timeout);

  /** Stops running commands and transfers and releases connections; idempotent. */
  @Override
  void close();
}
