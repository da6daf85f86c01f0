package io.camelpcluster.pcluster.headnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshAccessTest extends HeadNodeAccessContract {

  private static final String OTHER_ECDSA_HOST_KEY =
      "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG4N87uRltMZFugNRDJMuCn9AnnZG0x6nZQvxBoKYEvvjL9A=";

  @Override
  HeadNodeAccess open() {
    return TestHeadNodes.ssh();
  }

  @Test
  void commandsShareOneConnection() {
    String first = run("printf '%s' \"$SSH_CLIENT\"").stdout();
    String second = run("printf '%s' \"$SSH_CLIENT\"").stdout();

    assertThat(first).startsWith("127.0.0.1 ").isEqualTo(second);
  }

  @Test
  void aLostConnectionIsReplacedByTheNextCommand() {
    try (SshAccess ssh = TestHeadNodes.ssh()) {
      String before = ssh.run(command("printf '%s' \"$SSH_CLIENT\"")).join().stdout();
      long serverProcess =
          Long.parseLong(ssh.run(command("printf '%s' \"$PPID\"")).join().stdout());
      assertThat(ProcessHandle.of(serverProcess).orElseThrow().info().command().orElse(""))
          .contains("sshd");

      ProcessHandle.of(serverProcess).orElseThrow().destroy();

      await()
          .atMost(Duration.ofSeconds(20))
          .ignoreExceptions()
          .until(
              () -> {
                String after = ssh.run(command("printf '%s' \"$SSH_CLIENT\"")).join().stdout();
                return after.startsWith("127.0.0.1 ") && !after.equals(before);
              });
    }
  }

  @Test
  void moreCommandsThanChannelsWaitTheirTurn() {
    List<CompletableFuture<CommandResult>> runs =
        IntStream.range(0, 3 * SshSettings.DEFAULT_MAX_CHANNELS)
            .mapToObj(i -> access.run(command("sleep 0.3; echo " + i)))
            .toList();

    for (int i = 0; i < runs.size(); i++) {
      assertThat(runs.get(i).join().stdout()).isEqualTo(i + "\n");
    }
  }

  @Test
  void anUnknownHostKeyIsRefusedByDefault(@TempDir Path tmp) throws Exception {
    Path knownHosts = Files.writeString(tmp.resolve("known_hosts"), "");

    try (SshAccess ssh = TestHeadNodes.ssh(withKnownHosts(knownHosts, HostKeyPolicy.STRICT))) {
      assertThatThrownBy(() -> ssh.run(command("true")).join())
          .cause()
          .isInstanceOf(HeadNodeException.class)
          .hasMessageContaining("refused to connect to ec2-user@127.0.0.1:2222")
          .hasMessageContaining("is not in known_hosts file " + knownHosts)
          .hasMessageContaining("accept-new");
    }
    assertThat(Files.readString(knownHosts)).isEmpty();
  }

  @Test
  void aChangedHostKeyIsRefusedEvenWithAcceptNew(@TempDir Path tmp) throws Exception {
    Path knownHosts =
        Files.writeString(
            tmp.resolve("known_hosts"), "[127.0.0.1]:2222 " + OTHER_ECDSA_HOST_KEY + "\n");

    try (SshAccess ssh = TestHeadNodes.ssh(withKnownHosts(knownHosts, HostKeyPolicy.ACCEPT_NEW))) {
      assertThatThrownBy(() -> ssh.run(command("true")).join())
          .cause()
          .isInstanceOf(HeadNodeException.class)
          .hasMessageContaining("CHANGED");
    }
  }

  @Test
  void acceptNewRecordsTheKeyOfANewHost(@TempDir Path tmp) throws Exception {
    Path knownHosts = tmp.resolve("known_hosts");

    try (SshAccess ssh = TestHeadNodes.ssh(withKnownHosts(knownHosts, HostKeyPolicy.ACCEPT_NEW))) {
      assertThat(ssh.run(command("echo hi")).join().stdout()).isEqualTo("hi\n");
    }
    assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:2222 ");
    try (SshAccess ssh = TestHeadNodes.ssh(withKnownHosts(knownHosts, HostKeyPolicy.STRICT))) {
      assertThat(ssh.run(command("echo again")).join().stdout()).isEqualTo("again\n");
    }
  }

  @Test
  void aKeyTheServerDoesNotKnowIsRefused(@TempDir Path tmp) throws Exception {
    Path key = tmp.resolve("id_ecdsa");
    Process keygen =
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", key.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(keygen.waitFor()).isZero();
    SshSettings settings = TestHeadNodes.sshSettings();
    SshSettings wrongKey =
        new SshSettings(
            key,
            Optional.empty(),
            settings.knownHostsFile(),
            HostKeyPolicy.STRICT,
            settings.port(),
            settings.connectTimeout(),
            settings.authTimeout(),
            settings.maxChannels());

    try (SshAccess ssh = TestHeadNodes.ssh(wrongKey)) {
      assertThatThrownBy(() -> ssh.run(command("true")).join())
          .cause()
          .isInstanceOf(HeadNodeException.class)
          .hasMessageContaining("SSH login to ec2-user@127.0.0.1:2222 with key " + key + " failed");
    }
  }

  @Test
  void aMissingKeyFileIsReportedAtOpen(@TempDir Path tmp) {
    Path missing = tmp.resolve("nope");
    SshSettings settings = SshSettings.of(missing, tmp.resolve("known_hosts"));

    assertThatThrownBy(() -> SshAccess.open("ec2-user", "127.0.0.1", settings))
        .isInstanceOf(HeadNodeException.class)
        .hasMessage("private key file " + missing + " does not exist");
  }

  @Test
  void aClosedPortFailsWithTheAddress() {
    try (SshAccess ssh = TestHeadNodes.ssh(TestHeadNodes.sshSettings().withPort(1))) {
      assertThatThrownBy(() -> ssh.run(command("true")).join())
          .cause()
          .isInstanceOf(HeadNodeException.class)
          .hasMessageStartingWith("cannot connect to ec2-user@127.0.0.1:1");
    }
  }

  @Test
  void thePassphraseIsNeverShown() {
    SshSettings settings = TestHeadNodes.sshSettings().withPassphrase("hunter2");

    assertThat(settings.toString()).contains("passphrase=****").doesNotContain("hunter2");
  }

  private static HeadNodeCommand command(String line) {
    return new HeadNodeCommand("test", line, TIMEOUT);
  }

  private static SshSettings withKnownHosts(Path knownHosts, HostKeyPolicy policy) {
    SshSettings s = TestHeadNodes.sshSettings();
    return new SshSettings(
        s.privateKeyFile(),
        s.passphrase(),
        knownHosts,
        policy,
        s.port(),
        s.connectTimeout(),
        s.authTimeout(),
        s.maxChannels());
  }
}
