package io.camelpcluster.pcluster.headnode;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The head node of the tests: this machine, with the Slurm, cluster user and test sshd that
 * scripts/local-slurm.sh sets up.
 */
public final class TestHeadNodes {

  /** The cluster user jobs run as. */
  public static final String USER = "ec2-user";

  /** The test sshd's port on 127.0.0.1. */
  public static final int SSH_PORT = 2222;

  /** Client keys and known_hosts of the test sshd. */
  public static final Path SSH_DIR = Path.of("/var/lib/camel-pcluster/ssh");

  private TestHeadNodes() {}

  /** Skips the calling test unless Slurm is installed here. */
  public static void assumeLocalSlurm() {
    boolean sinfo =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
            .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "sinfo")));
    assumeTrue(
        sinfo,
        "sinfo is not installed: these tests need the local Slurm, ec2-user and test sshd that"
            + " 'bash scripts/local-slurm.sh' sets up (as root)");
  }

  /** The test sshd's client key: Ed25519 when SSHD supports it here, ECDSA otherwise. */
  public static Path clientKey() {
    return SSH_DIR.resolve(SecurityUtils.isEDDSACurveSupported() ? "id_ed25519" : "id_ecdsa");
  }

  /** Settings for the test sshd, host keys checked strictly. */
  public static SshSettings sshSettings() {
    return new SshSettings(
        clientKey(),
        Optional.empty(),
        SSH_DIR.resolve("known_hosts"),
        HostKeyPolicy.STRICT,
        SSH_PORT,
        Duration.ofSeconds(10),
        Duration.ofSeconds(20),
        SshSettings.DEFAULT_MAX_CHANNELS);
  }

  public static LocalAccess local() {
    return LocalAccess.open(USER);
  }

  public static SshAccess ssh() {
    return ssh(sshSettings());
  }

  public static SshAccess ssh(SshSettings settings) {
    return SshAccess.open(USER, "127.0.0.1", settings);
  }
}
