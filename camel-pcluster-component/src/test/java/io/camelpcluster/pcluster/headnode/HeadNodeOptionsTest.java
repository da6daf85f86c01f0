package io.camelpcluster.pcluster.headnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The configuration and value types of head-node access, without a head node. */
class HeadNodeOptionsTest {

  private static final SshSettings SSH = SshSettings.of(Path.of("key"), Path.of("known_hosts"));

  @Test
  void optionValuesHaveTheirExactSpellings() {
    assertThat(HeadNodeAccessType.of("ssm")).isEqualTo(HeadNodeAccessType.SSM);
    assertThat(HeadNodeAccessType.of("SSH")).isEqualTo(HeadNodeAccessType.SSH);
    assertThat(HeadNodeAccessType.LOCAL).hasToString("local");
    assertThatThrownBy(() -> HeadNodeAccessType.of("telnet"))
        .hasMessage("headNodeAccess must be one of ssm, ssh, local, was 'telnet'");
    assertThat(HostKeyPolicy.of("accept-new")).isEqualTo(HostKeyPolicy.ACCEPT_NEW);
    assertThat(HostKeyPolicy.STRICT).hasToString("strict");
    assertThatThrownBy(() -> HostKeyPolicy.of("yes"))
        .hasMessage("hostKeyPolicy must be one of strict, accept-new, accept-all, was 'yes'");
  }

  @Test
  void theUserComesFromTheAllowList() {
    HeadNodeAccessOptions options =
        new HeadNodeAccessOptions(
            HeadNodeAccessType.SSH, "ubuntu", Set.of("ec2-user", "ubuntu"), Optional.of(SSH));
    assertThat(options.user()).isEqualTo("ubuntu");
    assertThat(HeadNodeAccessOptions.local("ec2-user").allowedUsers()).containsExactly("ec2-user");

    assertThatThrownBy(
            () ->
                new HeadNodeAccessOptions(
                    HeadNodeAccessType.LOCAL, "root", Set.of("ec2-user"), Optional.empty()))
        .hasMessage("clusterUser 'root' is not one of allowedUsers [ec2-user]");
    for (String bad :
        new String[] {"ec2-user; id", "-rf", "Root", "a b", "$(id)", "x".repeat(33)}) {
      assertThatThrownBy(() -> HeadNodeAccessOptions.local(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a POSIX user name");
    }
    assertThatThrownBy(
            () ->
                new HeadNodeAccessOptions(
                    HeadNodeAccessType.SSH, "ec2-user", Set.of(), Optional.empty()))
        .hasMessageContaining("headNodeAccess=ssh needs SSH settings");
  }

  @Test
  void theFactoryNeedsWhatTheTransportNeeds() {
    HeadNodeAccessFactory ssh =
        new HeadNodeAccessFactory(HeadNodeAccessOptions.ssh("ec2-user", SSH));
    assertThatThrownBy(() -> ssh.open(HeadNode.local("c1")))
        .hasMessage("headNodeAccess=ssh: the head node of cluster 'c1' has no known address");
    assertThatThrownBy(
            () ->
                new HeadNodeAccessOptions(
                    HeadNodeAccessType.SSM, "ec2-user", Set.of(), Optional.empty()))
        .hasMessage("headNodeAccess=ssm needs SSM settings (an SSM client)");
    try (SsmClient client = offlineSsmClient()) {
      HeadNodeAccessFactory ssm =
          new HeadNodeAccessFactory(HeadNodeAccessOptions.ssm("ec2-user", SsmSettings.of(client)));
      assertThatThrownBy(() -> ssm.open(HeadNode.local("c1")))
          .hasMessage("headNodeAccess=ssm: the head node of cluster 'c1' has no known instance id");
      assertThatThrownBy(() -> ssm.open(HeadNode.ofInstance("c1", "i-123; reboot")))
          .hasMessage("not an EC2 instance id: 'i-123; reboot'");
      assertThat(ssm.open(HeadNode.ofInstance("c1", "i-0123456789abcdef0")))
          .isInstanceOf(SsmAccess.class)
          .hasToString(
              "SSM access as ec2-user to the head node i-0123456789abcdef0 of cluster 'c1' (SSM)");
    }
  }

  @Test
  void ssmSettingsAreChecked() {
    try (SsmClient client = offlineSsmClient()) {
      SsmSettings defaults = SsmSettings.of(client);
      assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(1));
      assertThat(defaults.toString()).doesNotContain("client");
      assertThatThrownBy(() -> defaults.withPollInterval(Duration.ZERO))
          .hasMessageContaining("pollInterval must be positive");
      assertThatThrownBy(
              () -> new SsmSettings(client, Duration.ofSeconds(1), Duration.ofSeconds(29), 1))
          .hasMessageContaining("deliveryTimeout must be 30 s to 30 days");
      assertThatThrownBy(
              () -> new SsmSettings(client, Duration.ofSeconds(1), Duration.ofMinutes(1), 0))
          .hasMessageContaining("parallelTransfers must be at least 1");
    }
  }

  @Test
  void commandTimeoutsBecomeTheAgentsExecutionTimeoutWithAMargin() {
    assertThat(SsmInvoker.executionTimeout(Duration.ofMillis(1))).isEqualTo("61");
    assertThat(SsmInvoker.executionTimeout(Duration.ofSeconds(30))).isEqualTo("90");
    assertThat(SsmInvoker.executionTimeout(Duration.ofHours(48))).isEqualTo("172800");
  }

  private static SsmClient offlineSsmClient() {
    return SsmClient.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Test
  void commandsAreNamedByTheirLabelOnly() {
    HeadNodeCommand command =
        new HeadNodeCommand("sbatch", "export TOKEN=s3cr3t; sbatch", Duration.ofSeconds(5));
    assertThat(command.toString()).contains("sbatch").doesNotContain("s3cr3t");
    assertThat(new CommandResult(0, "s3cr3t", "", false, true).toString())
        .doesNotContain("s3cr3t")
        .contains("truncated");

    assertThatThrownBy(() -> new HeadNodeCommand("bad\nlabel", "true", Duration.ofSeconds(1)))
        .hasMessageContaining("printable ASCII");
    assertThatThrownBy(() -> new HeadNodeCommand("x", " ", Duration.ofSeconds(1)))
        .hasMessage("command 'x' has an empty command line");
    assertThatThrownBy(() -> new HeadNodeCommand("x", "a\0b", Duration.ofSeconds(1)))
        .hasMessage("command 'x' contains a NUL character");
    assertThatThrownBy(() -> new HeadNodeCommand("x", "true", Duration.ZERO))
        .hasMessageContaining("positive timeout");
  }

  @Test
  void sshSettingsAreChecked() {
    assertThatThrownBy(() -> SSH.withPort(0)).hasMessage("ssh port must be 1-65535, was 0");
    assertThatThrownBy(() -> SshAccess.open("ec2-user", "host; id", SSH))
        .hasMessage("not a host name or IP address: 'host; id'");
  }

  @Test
  void outputBeyondTheLimitIsCountedNotKept() {
    OutputSink sink = new OutputSink(5);
    sink.write("abc".getBytes(), 0, 3);
    assertThat(sink.truncated()).isFalse();
    sink.write("defgh".getBytes(), 0, 5);
    assertThat(sink.text()).isEqualTo("abcde");
    assertThat(sink.truncated()).isTrue();
  }

  @Test
  void channelsAreHandedOutInOrderAndCancelledWaitersSkipped() {
    ChannelLimiter limiter = new ChannelLimiter(1);
    assertThat(limiter.acquire()).isCompleted();
    CompletableFuture<Void> second = limiter.acquire();
    CompletableFuture<Void> third = limiter.acquire();
    assertThat(second).isNotDone();

    second.cancel(false);
    limiter.release();

    assertThat(third).isCompleted();
    limiter.release();
    assertThat(limiter.acquire()).isCompleted();
  }

  @Test
  void signalsBecomeShellExitStatuses() {
    assertThat(CommandShell.exitStatusOfSignal("KILL")).isEqualTo(137);
    assertThat(CommandShell.exitStatusOfSignal("TERM")).isEqualTo(143);
    assertThat(CommandShell.exitStatusOfSignal("WINCH")).isEqualTo(255);
  }
}
