package io.camelpcluster.pcluster.headnode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head node over SSH (Apache MINA SSHD), logged in as the configured user with a private key,
 * its host key checked against a known_hosts file ({@link HostKeyPolicy}).
 *
 * <p>One connection per head node is made by the first command and shared by the next ones; when it
 * breaks, the next command reconnects (a command that was running on the broken connection fails
 * rather than being run twice). Commands run on exec channels in asynchronous mode: their input is
 * written and their output read by SSHD's I/O threads, so no thread waits on a running command. At
 * most {@link SshSettings#maxChannels()} channels are open at once; more commands wait their turn
 * without a thread. On timeout the command's process group is sent {@code SIGKILL} (an SSH "signal"
 * request, which OpenSSH 7.9 and later honour) and its channel is closed.
 *
 * <p>Files move by SFTP, on a small pool of at most two threads per head node (SFTP transfers in
 * SSHD are blocking).
 *
 * <p>Command lines travel on the channel's standard input, never in the exec request, which SSHD
 * and sshd log. Keep the {@code org.apache.sshd} loggers above TRACE: at TRACE SSHD dumps whole
 * packets, command lines included.
 */
public final class SshAccess implements HeadNodeAccess {

  private static final Logger LOG = LoggerFactory.getLogger(SshAccess.class);
  private static final Duration HEARTBEAT = Duration.ofSeconds(30);
  private static final int HEARTBEATS_WITHOUT_REPLY = 4;
  private static final int READ_CHUNK = 64 * 1024;

  private final String user;
  private final String host;
  private final SshSettings settings;
  private final List<KeyPair> identities;
  private final SshClient client;
  private final ChannelLimiter limiter;
  private final ExecutorService transfers;
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private CompletableFuture<ClientSession> session;
  private volatile boolean closed;

  private SshAccess(
      String user, String host, SshSettings settings, List<KeyPair> identities, SshClient client) {
    this.user = user;
    this.host = host;
    this.settings = settings;
    this.identities = identities;
    this.client = client;
    this.limiter = new ChannelLimiter(settings.maxChannels());
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            2,
            2,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "camel-pcluster-sftp-" + host);
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    this.transfers = pool;
  }

  /**
   * Prepares SSH access as {@code user} to {@code host}: reads the private key and starts the
   * client; the connection is made by the first command.
   *
   * @throws HeadNodeException when the key cannot be read
   * @throws IllegalArgumentException when the host is not a plain host name or address
   */
  public static SshAccess open(String user, String host, SshSettings settings) {
    if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.:\\[\\]_%-]{1,253}")) {
      throw new IllegalArgumentException("not a host name or IP address: '" + host + "'");
    }
    List<KeyPair> identities = loadKeys(settings);
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(
        HostKeyCheck.verifier(settings.hostKeyPolicy(), settings.knownHostsFile()));
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, settings.connectTimeout());
    CoreModuleProperties.AUTH_TIMEOUT.set(client, settings.authTimeout());
    CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
    CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, HEARTBEAT);
    CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, HEARTBEATS_WITHOUT_REPLY);
    CoreModuleProperties.NIO_WORKERS.set(client, 2);
    CoreModuleProperties.TCP_NODELAY.set(client, true);
    client.start();
    return new SshAccess(user, host, settings, identities, client);
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public CompletableFuture<CommandResult> run(HeadNodeCommand command) {
    Exec exec = new Exec(command);
    track(exec.result);
    ScheduledFuture<?> timer = Deadlines.schedule(command.timeout(), exec::timeOut);
    exec.result.whenComplete((r, t) -> timer.cancel(false));
    session()
        .whenComplete(
            (s, t) -> {
              if (t != null) {
                exec.result.completeExceptionally(cause(t));
              } else {
                exec.turn = limiter.acquire();
                exec.turn.thenRun(() -> exec.start(s));
              }
            });
    return exec.result;
  }

  @Override
  public CompletableFuture<Void> upload(Path localFile, String remotePath, Duration timeout) {
    return transfer(
        "upload to " + remotePath,
        timeout,
        sftp -> {
          try (InputStream in = Files.newInputStream(localFile);
              OutputStream out = sftp.write(remotePath)) {
            in.transferTo(out);
          }
        });
  }

  @Override
  public CompletableFuture<Void> download(String remotePath, Path localFile, Duration timeout) {
    return transfer(
        "download of " + remotePath,
        timeout,
        sftp -> {
          try (InputStream in = sftp.read(remotePath);
              OutputStream out = Files.newOutputStream(localFile)) {
            in.transferTo(out);
          }
        });
  }

  /** Fails pending commands and transfers, closes the connection and stops the client. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    HeadNodeException stopped = new HeadNodeException(this + " was closed");
    pending.forEach(f -> f.completeExceptionally(stopped));
    client.stop();
    transfers.shutdownNow();
  }

  @Override
  public String toString() {
    return "ssh " + where();
  }

  private String where() {
    return user + "@" + host + ":" + settings.port();
  }

  private void track(CompletableFuture<?> future) {
    pending.add(future);
    future.whenComplete((r, t) -> pending.remove(future));
    if (closed) {
      future.completeExceptionally(new HeadNodeException(this + " is closed"));
    }
  }

  /** The open session, connecting first when there is none or it broke. */
  private CompletableFuture<ClientSession> session() {
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(new HeadNodeException(this + " is closed"));
      }
      if (session == null || (session.isDone() && !usable(session))) {
        session = connect();
      }
      return session;
    }
  }

  private static boolean usable(CompletableFuture<ClientSession> session) {
    if (session.isCompletedExceptionally()) {
      return false;
    }
    ClientSession s = session.join();
    return s.isOpen() && !s.isClosing();
  }

  private CompletableFuture<ClientSession> connect() {
    CompletableFuture<ClientSession> result = new CompletableFuture<>();
    ConnectFuture connecting;
    try {
      connecting = client.connect(user, host, settings.port());
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(
          new HeadNodeException("cannot connect to " + where() + ": " + message(e), e));
    }
    Duration limit = settings.connectTimeout().plus(settings.authTimeout());
    ScheduledFuture<?> timer =
        Deadlines.schedule(
            limit,
            () -> {
              if (result.completeExceptionally(
                  new HeadNodeException(
                      "could not connect and log in to " + where() + " within " + limit))) {
                connecting.cancel();
                ClientSession s = connecting.getSession();
                if (s != null) {
                  s.close(true);
                }
              }
            });
    result.whenComplete((s, t) -> timer.cancel(false));
    connecting.addListener(
        connected -> {
          if (!connected.isConnected()) {
            result.completeExceptionally(
                new HeadNodeException(
                    "cannot connect to " + where() + ": " + message(connected.getException()),
                    connected.getException()));
            return;
          }
          ClientSession s = connected.getSession();
          identities.forEach(s::addPublicKeyIdentity);
          try {
            s.auth()
                .addListener(auth -> loggedIn(s, auth.isSuccess(), auth.getException(), result));
          } catch (IOException | RuntimeException e) {
            loggedIn(s, false, e, result);
          }
        });
    return result;
  }

  private void loggedIn(
      ClientSession s, boolean success, Throwable error, CompletableFuture<ClientSession> result) {
    if (success && result.complete(s)) {
      LOG.debug("connected to {}", where());
      return;
    }
    String hostKeyProblem = HostKeyCheck.problem(s);
    s.close(true);
    result.completeExceptionally(
        hostKeyProblem != null
            ? new HeadNodeException("refused to connect to " + where() + ": " + hostKeyProblem)
            : new HeadNodeException(
                "SSH login to "
                    + where()
                    + " with key "
                    + settings.privateKeyFile()
                    + " failed: "
                    + message(error),
                error));
  }

  /** One command on its exec channel. */
  private final class Exec {
    final HeadNodeCommand command;
    final CompletableFuture<CommandResult> result = new CompletableFuture<>();
    final OutputSink out;
    final OutputSink err;
    final CompletableFuture<Void> outRead = new CompletableFuture<>();
    final CompletableFuture<Void> errRead = new CompletableFuture<>();
    final AtomicBoolean released = new AtomicBoolean();
    volatile CompletableFuture<Void> turn;
    volatile ChannelExec channel;
    long started;

    Exec(HeadNodeCommand command) {
      this.command = command;
      this.out = new OutputSink(command.maxOutputBytes());
      this.err = new OutputSink(command.maxOutputBytes());
    }

    void start(ClientSession s) {
      if (result.isDone()) {
        release();
        return;
      }
      try {
        ChannelExec ch = s.createExecChannel(CommandShell.execRequest());
        ch.setStreaming(ClientChannel.Streaming.Async);
        channel = ch;
        started = System.nanoTime();
        ch.addCloseFutureListener(closed -> finished(ch));
        ch.open()
            .addListener(
                open -> {
                  if (open.isOpened()) {
                    opened(ch);
                  } else {
                    result.completeExceptionally(
                        new HeadNodeException(
                            "cannot open a channel on "
                                + where()
                                + " for '"
                                + command.label()
                                + "': "
                                + message(open.getException()),
                            open.getException()));
                    ch.close(true);
                  }
                });
      } catch (IOException | RuntimeException e) {
        release();
        result.completeExceptionally(
            new HeadNodeException(
                "cannot start '" + command.label() + "' on " + where() + ": " + message(e), e));
      }
    }

    void opened(ChannelExec ch) {
      if (result.isDone()) {
        kill(ch);
        return;
      }
      pump(ch.getAsyncOut(), out, outRead);
      pump(ch.getAsyncErr(), err, errRead);
      IoOutputStream in = ch.getAsyncIn();
      try {
        byte[] line = command.commandLine().getBytes(StandardCharsets.UTF_8);
        in.writeBuffer(new ByteArrayBuffer(line))
            .addListener(
                written -> {
                  if (written.isWritten()) {
                    in.close(false);
                  } else {
                    result.completeExceptionally(
                        new HeadNodeException(
                            "cannot send '" + command.label() + "' to " + where(),
                            written.getException()));
                    ch.close(true);
                  }
                });
      } catch (IOException | RuntimeException e) {
        result.completeExceptionally(
            new HeadNodeException("cannot send '" + command.label() + "' to " + where(), e));
        ch.close(true);
      }
    }

    void finished(ChannelExec ch) {
      release();
      CompletableFuture.allOf(outRead, errRead)
          .whenComplete(
              (v, t) -> {
                Integer status = ch.getExitStatus();
                String signal = ch.getExitSignal();
                if (status == null && signal == null) {
                  result.completeExceptionally(
                      new HeadNodeException(
                          "the connection to "
                              + where()
                              + " was lost while '"
                              + command.label()
                              + "' ran; whether it completed is unknown"));
                  return;
                }
                int exit = status != null ? status : CommandShell.exitStatusOfSignal(signal);
                if (result.complete(
                    new CommandResult(
                        exit, out.text(), err.text(), out.truncated(), err.truncated()))) {
                  LOG.debug(
                      "'{}' on {} exited {} after {} ms",
                      command.label(),
                      where(),
                      exit,
                      TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }
              });
    }

    void timeOut() {
      ChannelExec ch = channel;
      boolean failed =
          result.completeExceptionally(
              new CommandTimeoutException(
                  command.label(),
                  command.timeout(),
                  where(),
                  ch == null
                      ? "it never started (it waited for the connection or a free channel)"
                      : "it was killed"));
      if (!failed) {
        return;
      }
      CompletableFuture<Void> waiting = turn;
      if (waiting != null) {
        waiting.cancel(false);
      }
      if (ch != null) {
        kill(ch);
      }
    }

    void release() {
      if (!released.getAndSet(true)) {
        limiter.release();
      }
    }
  }

  /** Sends SIGKILL to the command's process group, then closes its channel. */
  private static void kill(ChannelExec ch) {
    try {
      Buffer request = ch.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 32);
      request.putUInt(ch.getRecipient());
      request.putString("signal");
      request.putBoolean(false);
      request.putString("KILL");
      ch.writePacket(request);
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not send a kill signal: {}", e.toString());
    }
    ch.close(false);
  }

  /** Reads a stream to its end into the sink, one chunk per callback. */
  private static void pump(IoInputStream in, OutputSink sink, CompletableFuture<Void> done) {
    ByteArrayBuffer buffer = new ByteArrayBuffer(READ_CHUNK, false);
    try {
      in.read(buffer)
          .addListener(
              read -> {
                if (read.getException() != null) {
                  done.complete(null);
                  return;
                }
                sink.write(buffer.array(), buffer.rpos(), buffer.available());
                pump(in, sink, done);
              });
    } catch (RuntimeException e) {
      done.complete(null);
    }
  }

  @FunctionalInterface
  private interface SftpAction {
    void run(SftpClient sftp) throws IOException;
  }

  private CompletableFuture<Void> transfer(String label, Duration timeout, SftpAction action) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    track(result);
    AtomicReference<SftpClient> sftp = new AtomicReference<>();
    ScheduledFuture<?> timer =
        Deadlines.schedule(
            timeout,
            () -> {
              if (result.completeExceptionally(
                  new CommandTimeoutException(label, timeout, where(), "it was stopped"))) {
                closeQuietly(sftp.get());
              }
            });
    result.whenComplete((r, t) -> timer.cancel(false));
    session()
        .whenComplete(
            (s, t) -> {
              if (t != null) {
                result.completeExceptionally(cause(t));
                return;
              }
              limiter
                  .acquire()
                  .thenRunAsync(
                      () -> {
                        try {
                          if (!result.isDone()) {
                            try (SftpClient client =
                                SftpClientFactory.instance().createSftpClient(s)) {
                              sftp.set(client);
                              action.run(client);
                            }
                            result.complete(null);
                          }
                        } catch (IOException | RuntimeException e) {
                          result.completeExceptionally(
                              new HeadNodeException(
                                  label + " on " + where() + " failed: " + message(e), e));
                        } finally {
                          limiter.release();
                        }
                      },
                      transfers)
                  .exceptionally(
                      e -> {
                        result.completeExceptionally(cause(e));
                        return null;
                      });
            });
    return result;
  }

  private static void closeQuietly(SftpClient client) {
    if (client != null) {
      try {
        client.close();
      } catch (IOException e) {
        LOG.debug("closing an SFTP client: {}", e.toString());
      }
    }
  }

  private static List<KeyPair> loadKeys(SshSettings settings) {
    Path file = settings.privateKeyFile();
    FilePasswordProvider passwords =
        settings.passphrase().map(FilePasswordProvider::of).orElse(FilePasswordProvider.EMPTY);
    List<KeyPair> keys = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      Iterable<KeyPair> loaded =
          SecurityUtils.loadKeyPairIdentities(
              null, NamedResource.ofName(file.toString()), in, passwords);
      if (loaded != null) {
        loaded.forEach(keys::add);
      }
    } catch (NoSuchFileException e) {
      throw new HeadNodeException("private key file " + file + " does not exist");
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      String hint =
          SecurityUtils.isEDDSACurveSupported()
              ? ""
              : " (an Ed25519 key needs org.bouncycastle:bcprov-jdk18on or net.i2p.crypto:eddsa"
                  + " on the classpath; RSA and ECDSA keys need nothing more)";
      throw new HeadNodeException("cannot read private key " + file + ": " + message(e) + hint, e);
    }
    if (keys.isEmpty()) {
      throw new HeadNodeException("no private key in " + file);
    }
    return List.copyOf(keys);
  }

  private static Throwable cause(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private static String message(Throwable e) {
    if (e == null) {
      return "no reason given";
    }
    String text = e.getMessage();
    return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
  }
}
