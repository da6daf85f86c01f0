package io.camelpcluster.pcluster.headnode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to log in to head nodes over SSH.
 *
 * @param privateKeyFile the private key (OpenSSH or PEM format; RSA and ECDSA, and Ed25519 when
 *     Bouncy Castle or net.i2p EdDSA is on the classpath)
 * @param passphrase the key's passphrase, if it is encrypted; never shown by {@link #toString()}
 * @param knownHostsFile the OpenSSH known_hosts file host keys are checked against
 * @param hostKeyPolicy what to do with a host key that is not in that file
 * @param port the SSH port
 * @param connectTimeout how long establishing the TCP connection may take
 * @param authTimeout how long key exchange and login may take once connected
 * @param maxChannels how many commands and transfers run at once over the one connection to a head
 *     node; more wait their turn. Keep it below the server's {@code MaxSessions} (10 by default)
 */
public record SshSettings(
    Path privateKeyFile,
    Optional<String> passphrase,
    Path knownHostsFile,
    HostKeyPolicy hostKeyPolicy,
    int port,
    Duration connectTimeout,
    Duration authTimeout,
    int maxChannels) {

  public static final int DEFAULT_PORT = 22;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
  public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_CHANNELS = 8;

  public SshSettings {
    Objects.requireNonNull(privateKeyFile, "privateKeyFile");
    Objects.requireNonNull(passphrase, "passphrase");
    Objects.requireNonNull(knownHostsFile, "knownHostsFile");
    Objects.requireNonNull(hostKeyPolicy, "hostKeyPolicy");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(authTimeout, "authTimeout");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("ssh port must be 1-65535, was " + port);
    }
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || authTimeout.isNegative()
        || authTimeout.isZero()) {
      throw new IllegalArgumentException("ssh connect and auth timeouts must be positive");
    }
    if (maxChannels < 1) {
      throw new IllegalArgumentException("maxChannels must be at least 1, was " + maxChannels);
    }
  }

  /**
   * Settings with the defaults: host keys checked strictly, port {@value #DEFAULT_PORT}, default
   * timeouts and {@value #DEFAULT_MAX_CHANNELS} channels.
   */
  public static SshSettings of(Path privateKeyFile, Path knownHostsFile) {
    return new SshSettings(
        privateKeyFile,
        Optional.empty(),
        knownHostsFile,
        HostKeyPolicy.STRICT,
        DEFAULT_PORT,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_AUTH_TIMEOUT,
        DEFAULT_MAX_CHANNELS);
  }

  public SshSettings withPort(int port) {
    return new SshSettings(
        privateKeyFile,
        passphrase,
        knownHostsFile,
        hostKeyPolicy,
        port,
        connectTimeout,
        authTimeout,
        maxChannels);
  }

  public SshSettings withHostKeyPolicy(HostKeyPolicy hostKeyPolicy) {
    return new SshSettings(
        privateKeyFile,
        passphrase,
        knownHostsFile,
        hostKeyPolicy,
        port,
        connectTimeout,
        authTimeout,
        maxChannels);
  }

  public SshSettings withPassphrase(String passphrase) {
    return new SshSettings(
        privateKeyFile,
        Optional.of(passphrase),
        knownHostsFile,
        hostKeyPolicy,
        port,
        connectTimeout,
        authTimeout,
        maxChannels);
  }

  /** Shows whether a passphrase is set, never the passphrase. */
  @Override
  public String toString() {
    return "SshSettings[privateKeyFile="
        + privateKeyFile
        + (passphrase.isPresent() ? ", passphrase=****" : "")
        + ", knownHostsFile="
        + knownHostsFile
        + ", hostKeyPolicy="
        + hostKeyPolicy
        + ", port="
        + port
        + ", connectTimeout="
        + connectTimeout
        + ", authTimeout="
        + authTimeout
        + ", maxChannels="
        + maxChannels
        + "]";
  }
}
