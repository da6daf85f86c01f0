package io.camelpcluster.pcluster.headnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.pcluster.slurm.ShellQuote;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link HeadNodeAccess} does, checked on the local test head node. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HeadNodeAccessContract {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  final String runDir = "camel-pcluster-it/" + UUID.randomUUID();
  HeadNodeAccess access;

  abstract HeadNodeAccess open();

  @BeforeAll
  void openAccess() {
    TestHeadNodes.assumeLocalSlurm();
    access = open();
    assertThat(run("mkdir -p -- " + ShellQuote.quote(runDir)).exitCode()).isZero();
  }

  @AfterAll
  void closeAccess() {
    if (access != null) {
      run(
          "rm -rf -- "
              + ShellQuote.quote(runDir)
              + " && rmdir --ignore-fail-on-non-empty camel-pcluster-it");
      access.close();
    }
  }

  CommandResult run(String commandLine) {
    return access.run(new HeadNodeCommand("test", commandLine, TIMEOUT)).join();
  }

  @Test
  void runsAsTheConfiguredUserInItsHome() {
    CommandResult result = run("id -un; pwd; printf '%s\\n' \"$HOME\"");

    assertThat(result.stdout()).isEqualTo("ec2-user\n/home/ec2-user\n/home/ec2-user\n");
    assertThat(result.exitCode()).isZero();
    assertThat(access.user()).isEqualTo("ec2-user");
  }

  @Test
  void reportsExitStatusAndBothOutputs() {
    CommandResult result = run("echo out; echo err >&2; exit 3");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.succeeded()).isFalse();
    assertThat(result.stdout()).isEqualTo("out\n");
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void aCommandSeesItsInputAtEndOfFile() {
    assertThat(run("cat; wc -c; echo done").stdout()).isEqualTo("0\ndone\n");
  }

  @Test
  void theCommandLineIsNotInAnyProcessArguments() {
    String secret = "secret-" + UUID.randomUUID();
    CommandResult result =
        run(
            "tr '\\0' ' ' < /proc/$$/cmdline; echo; tr '\\0' ' ' < /proc/$PPID/cmdline; : "
                + secret);

    assertThat(result.stdout()).contains("__pcluster_cmd").doesNotContain(secret);
  }

  @Test
  void aLargeCommandLineArrivesWhole() {
    String value = "ü".repeat(200_000);
    CommandResult result = run("x=" + ShellQuote.quote(value) + "; printf '%s' \"$x\" | wc -c");

    assertThat(result.stdout().strip()).isEqualTo("400000");
  }

  @Test
  void outputBeyondTheLimitIsCutAndFlagged() {
    HeadNodeCommand command =
        new HeadNodeCommand(
            "big output", "head -c 100000 /dev/zero | tr '\\0' a; echo e >&2", TIMEOUT, 1000);

    CommandResult result = access.run(command).join();

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).hasSize(1000).matches("a+");
    assertThat(result.stdoutTruncated()).isTrue();
    assertThat(result.stderr()).isEqualTo("e\n");
    assertThat(result.stderrTruncated()).isFalse();
  }

  @Test
  void hostileArgumentsArriveVerbatimAndExecuteNothing(@TempDir Path tmp) throws Exception {
    Path marker = tmp.resolve("pwned");
    Files.setPosixFilePermissions(
        tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    String touch = "touch " + marker;
    List<String> hostile =
        List.of(
            "; " + touch,
            "$(" + touch + ")",
            "`" + touch + "`",
            "'\"; " + touch + "; echo '",
            "line1\n" + touch + "\nline3",
            "--help",
            "-n",
            "ünïcødé ✓ \r\n\t",
            "$HOME ${PATH} * ? [a] ~ && || | > <");
    List<String> argv = new java.util.ArrayList<>(List.of("printf", "[%s]\\n"));
    argv.addAll(hostile);

    CommandResult result = run(ShellQuote.join(argv));

    StringBuilder expected = new StringBuilder();
    hostile.forEach(h -> expected.append('[').append(h).append("]\n"));
    assertThat(result.stdout()).isEqualTo(expected.toString());
    assertThat(Files.exists(marker)).as("nothing was executed").isFalse();
  }

  @Test
  void aCommandPastItsTimeoutIsKilled() {
    String nonce = "987." + (100 + new java.util.Random().nextInt(899));
    HeadNodeCommand command =
        new HeadNodeCommand("long sleep", "sleep " + nonce + "; echo never", Duration.ofSeconds(1));

    assertThatThrownBy(() -> access.run(command).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(CommandTimeoutException.class)
        .hasMessageContaining("'long sleep'")
        .hasMessageContaining("PT1S")
        .hasMessageContaining("killed");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                ProcessHandle.allProcesses()
                    .noneMatch(p -> p.info().commandLine().orElse("").contains("sleep " + nonce)));
  }

  @Test
  void filesGoAndComeBackByteForByte(@TempDir Path tmp) throws Exception {
    byte[] content = new byte[300_000];
    new java.util.Random(7).nextBytes(content);
    Path local = Files.write(tmp.resolve("in.bin"), content);
    String remote = runDir + "/a 'b' $(x) \"c\".bin";

    access.upload(local, remote, TIMEOUT).get(30, TimeUnit.SECONDS);
    Path back = tmp.resolve("back.bin");
    access.download(remote, back, TIMEOUT).get(30, TimeUnit.SECONDS);

    assertThat(Files.readAllBytes(back)).isEqualTo(content);
    assertThat(run("stat -c %U -- " + ShellQuote.quote(remote)).stdout().strip())
        .isEqualTo("ec2-user");
  }

  @Test
  void downloadingAMissingFileFailsClearly(@TempDir Path tmp) {
    String remote = runDir + "/no such file";

    assertThatThrownBy(() -> access.download(remote, tmp.resolve("x"), TIMEOUT).join())
        .cause()
        .isInstanceOf(HeadNodeException.class)
        .hasMessageContaining("download of " + remote);
  }

  @Test
  void uploadingOutsideTheUsersRightsFails(@TempDir Path tmp) throws Exception {
    Path local = Files.writeString(tmp.resolve("x"), "x", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> access.upload(local, "/etc/camel-pcluster-forbidden", TIMEOUT).join())
        .cause()
        .isInstanceOf(HeadNodeException.class)
        .hasMessageContaining("upload to /etc/camel-pcluster-forbidden");
    assertThat(Files.exists(Path.of("/etc/camel-pcluster-forbidden"))).isFalse();
  }
}
