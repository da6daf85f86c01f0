package io.camelpcluster.pcluster.headnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.emulator.EmulatorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SSM access through the emulator's SSM with the real SDK client, on this machine's Slurm. */
class SsmAccessTest extends HeadNodeAccessContract {

  @RegisterExtension static final TestSsm SSM = new TestSsm("ssm-access");

  @Override
  HeadNodeAccess open() {
    return SSM.access();
  }

  @Test
  void outputFarBeyondSsmsInlineLimitArrivesIntact() {
    String stdout =
        IntStream.rangeClosed(1, 40_000)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining("\n", "", "\n"));

    CommandResult result =
        run(
            "seq 1 40000; printf 'a'; i=0; while [ $i -lt 20000 ]; do printf 'é'; i=$((i+1)); done; echo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEqualTo(stdout + "a" + "é".repeat(20_000) + "\n");
    assertThat(result.stdout().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(250_000);
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void bothStreamsBeyondTheLimitAreReadBack() {
    CommandResult result = run("seq 1 20000; seq 20001 40000 >&2; exit 7");

    assertThat(result.exitCode()).isEqualTo(7);
    assertThat(result.stdout().lines()).hasSize(20_000).endsWith("20000");
    assertThat(result.stderr().lines()).hasSize(20_000).startsWith("20001").endsWith("40000");
  }

  @Test
  void theOutputLimitOfTheCommandHoldsForLargeOutputs() {
    CommandResult result =
        access
            .run(
                new HeadNodeCommand(
                    "limited", "head -c 100000 /dev/zero | tr '\\0' b", TIMEOUT, 40_000))
            .join();

    assertThat(result.stdout()).isEqualTo("b".repeat(40_000));
    assertThat(result.stdoutTruncated()).isTrue();
  }

  @Test
  void commandsRunInALoginShellWithTheSlurmClients() {
    CommandResult result = run("command -v sbatch; echo \"$SHELL\"; sinfo -h -o %P | head -1");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).startsWith("/usr/bin/sbatch\n/bin/bash\n");
  }

  @Test
  void manyCommandsAtOnceShareThePoller() {
    long pollers = pollerThreads();
    var futures =
        IntStream.range(0, 20)
            .mapToObj(i -> access.run(new HeadNodeCommand("n" + i, "echo " + i, TIMEOUT)))
            .toList();

    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();

    for (int i = 0; i < futures.size(); i++) {
      assertThat(futures.get(i).join().stdout()).isEqualTo(i + "\n");
    }
    assertThat(pollerThreads()).isLessThanOrEqualTo(Math.max(pollers, 1));
  }

  private static long pollerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("camel-pcluster-ssm"))
        .count();
  }

  @Test
  void noFilesAreLeftOnTheHeadNode() throws IOException {
    // other clients (a process killed mid-command) may have left directories; ours must all go
    Set<Path> before = entries();
    run("echo small");
    run("seq 1 30000");
    assertThatThrownBy(
            () -> access.run(new HeadNodeCommand("slow", "sleep 30", Duration.ofSeconds(1))).join())
        .hasCauseInstanceOf(CommandTimeoutException.class);

    await().atMost(Duration.ofSeconds(20)).until(() -> before.containsAll(entries()));
  }

  @Test
  void directoriesOfDeadClientsAreSweptAfterSsmsLongestExecution() throws IOException {
    Path stale = Files.createDirectories(Path.of(SsmScripts.BASE, "left-by-a-dead-client"));
    Path recent = Files.createDirectories(Path.of(SsmScripts.BASE, "of-a-running-command"));
    Files.setLastModifiedTime(
        stale,
        FileTime.from(Instant.now().minus(Duration.ofMinutes(SsmScripts.ABANDONED_MINUTES + 5))));
    try {
      run("echo sweep");

      assertThat(stale).doesNotExist();
      assertThat(recent).isDirectory();
    } finally {
      Files.deleteIfExists(recent);
      Files.deleteIfExists(stale);
    }
  }

  private static Set<Path> entries() throws IOException {
    Path base = Path.of(SsmScripts.BASE);
    if (!Files.isDirectory(base)) {
      return Set.of();
    }
    try (var entries = Files.list(base)) {
      return entries.collect(Collectors.toSet());
    }
  }

  @Test
  void anUnreachableInstanceFailsClearly() {
    SsmAccess elsewhere =
        SsmAccess.open(
            TestHeadNodes.USER, "gone", "i-0123456789abcdef0", new SsmInvoker(SSM.settings()), 2);

    assertThatThrownBy(() -> elsewhere.run(new HeadNodeCommand("x", "true", TIMEOUT)).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(HeadNodeException.class)
        .hasMessageContaining(
            "SSM cannot reach the head node i-0123456789abcdef0 of cluster 'gone'")
        .hasMessageContaining("InvalidInstanceId");
  }

  @Test
  void closingCancelsTheCommandsInFlight(@TempDir Path tmp) throws Exception {
    Files.setPosixFilePermissions(
        tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    Path started = tmp.resolve("started");
    String nonce = "913." + (100 + new java.util.Random().nextInt(899));
    SsmAccess closing = SSM.access();
    CompletableFuture<CommandResult> running =
        closing.run(new HeadNodeCommand("long", "touch " + started + "; sleep " + nonce, TIMEOUT));
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(started));

    closing.close();

    assertThatThrownBy(running::join)
        .cause()
        .isInstanceOf(HeadNodeException.class)
        .hasMessageContaining("closed");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                ProcessHandle.allProcesses()
                    .noneMatch(p -> p.info().commandLine().orElse("").endsWith("sleep " + nonce)));
  }

  @Test
  void invocationsSsmDoesNotKnowYetAreWaitedFor() {
    TestSsm delayed =
        new TestSsm(
            "ssm-delayed",
            EmulatorConfig.builder()
                .createDuration(Duration.ofMillis(300))
                .ssmDeliveryDelay(Duration.ofMillis(800))
                .build());
    delayed.beforeAll(null);
    try (SsmAccess slow = delayed.access()) {
      assertThat(slow.run(new HeadNodeCommand("late", "echo late", TIMEOUT)).join().stdout())
          .isEqualTo("late\n");
    } finally {
      delayed.afterAll(null);
    }
  }
}
