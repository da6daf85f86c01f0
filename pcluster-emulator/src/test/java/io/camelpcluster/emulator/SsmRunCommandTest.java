package io.camelpcluster.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.ListCommandInvocationsResponse;
import software.amazon.awssdk.services.ssm.model.SendCommandResponse;

/** Run Command through the real SDK client: scripts run on this machine, judged as SSM does. */
class SsmRunCommandTest {
  private static PclusterEmulator emulator;
  private static SsmClient ssm;
  private static String headNode;

  @BeforeAll
  static void start() {
    emulator =
        PclusterEmulator.start(
            EmulatorConfig.builder().createDuration(Duration.ofMillis(400)).build());
    ssm = Ssm.client(emulator);
    headNode = Ssm.clusterWithRunningHeadNode(Api.signed(emulator), "ssm-run");
  }

  @AfterAll
  static void stop() {
    ssm.close();
    emulator.close();
  }

  @Test
  void sendCommandAnswersThePendingCommand() {
    Instant before = Instant.now().minusSeconds(1);
    SendCommandResponse sent =
        ssm.sendCommand(
            r ->
                r.documentName("AWS-RunShellScript")
                    .instanceIds(headNode)
                    .comment("a check")
                    .timeoutSeconds(600)
                    .outputS3BucketName("ignored-bucket")
                    .parameters(java.util.Map.of("commands", List.of("true"))));

    assertThat(sent.command().commandId()).matches("[0-9a-f-]{36}");
    assertThat(sent.command().statusAsString()).isEqualTo("Pending");
    assertThat(sent.command().statusDetails()).isEqualTo("Pending");
    assertThat(sent.command().instanceIds()).containsExactly(headNode);
    assertThat(sent.command().documentName()).isEqualTo("AWS-RunShellScript");
    assertThat(sent.command().comment()).isEqualTo("a check");
    assertThat(sent.command().timeoutSeconds()).isEqualTo(600);
    assertThat(sent.command().targetCount()).isEqualTo(1);
    assertThat(sent.command().outputS3BucketName()).isEqualTo("ignored-bucket");
    assertThat(sent.command().requestedDateTime()).isAfter(before);
    assertThat(sent.command().expiresAfter())
        .isEqualTo(sent.command().requestedDateTime().plusSeconds(600 + 3600));
    assertThat(sent.command().parameters()).containsEntry("commands", List.of("true"));
  }

  @Test
  void successWithOutput() {
    GetCommandInvocationResponse done =
        Ssm.run(ssm, headNode, "echo hello", "echo \"to stderr\" >&2", "printf 'élan ✓\\n'");

    assertThat(done.status()).isEqualTo(CommandInvocationStatus.SUCCESS);
    assertThat(done.statusDetails()).isEqualTo("Success");
    assertThat(done.responseCode()).isZero();
    assertThat(done.standardOutputContent()).isEqualTo("hello\nélan ✓\n");
    assertThat(done.standardErrorContent()).isEqualTo("to stderr\n");
    assertThat(done.pluginName()).isEqualTo("aws:runShellScript");
    assertThat(done.documentName()).isEqualTo("AWS-RunShellScript");
    assertThat(done.instanceId()).isEqualTo(headNode);
    assertThat(Instant.parse(done.executionStartDateTime()))
        .isBeforeOrEqualTo(Instant.parse(done.executionEndDateTime()));
    assertThat(Duration.parse(done.executionElapsedTime()).isNegative()).isFalse();
  }

  @Test
  void scriptRunsAsRootLikeTheAgentWithItsEnvironment() {
    GetCommandInvocationResponse done =
        Ssm.run(
            ssm,
            headNode,
            "id -un",
            "echo \"$AWS_SSM_INSTANCE_ID $AWS_SSM_REGION_NAME\"",
            "runuser -l ec2-user -c 'id -un; pwd'");

    assertThat(done.standardOutputContent())
        .isEqualTo("root\n" + headNode + " us-east-1\nec2-user\n/home/ec2-user\n");
  }

  @Test
  void linesRunAsOneScriptInTheWorkingDirectory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("data.txt"), "from the working directory\n");
    String commandId =
        ssm.sendCommand(
                r ->
                    r.documentName("AWS-RunShellScript")
                        .instanceIds(headNode)
                        .parameters(
                            java.util.Map.of(
                                "commands",
                                List.of("x=1", "x=$((x + 1))", "echo $x", "cat data.txt"),
                                "workingDirectory",
                                List.of(dir.toString()))))
            .command()
            .commandId();

    GetCommandInvocationResponse done = Ssm.awaitEnd(ssm, commandId, headNode);
    assertThat(done.standardOutputContent()).isEqualTo("2\nfrom the working directory\n");
  }

  @Test
  void missingWorkingDirectoryFails() {
    String commandId =
        ssm.sendCommand(
                r ->
                    r.documentName("AWS-RunShellScript")
                        .instanceIds(headNode)
                        .parameters(
                            java.util.Map.of(
                                "commands",
                                List.of("echo never"),
                                "workingDirectory",
                                List.of("/no/such/directory"))))
            .command()
            .commandId();

    GetCommandInvocationResponse done = Ssm.awaitEnd(ssm, commandId, headNode);
    assertThat(done.status()).isEqualTo(CommandInvocationStatus.FAILED);
    assertThat(done.standardOutputContent()).isEmpty();
    assertThat(done.standardErrorContent())
        .isEqualTo("Working directory /no/such/directory doesn't exist.");
  }

  @Test
  void nonZeroExitFailsWithTheExitCodeAndTheAgentsMessage() {
    GetCommandInvocationResponse done =
        Ssm.run(ssm, headNode, "echo partial", "echo bad >&2", "exit 3");

    assertThat(done.status()).isEqualTo(CommandInvocationStatus.FAILED);
    assertThat(done.statusDetails()).isEqualTo("Failed");
    assertThat(done.responseCode()).isEqualTo(3);
    assertThat(done.standardOutputContent()).isEqualTo("partial\n");
    assertThat(done.standardErrorContent())
        .isEqualTo("bad\n\nfailed to run commands: exit status 3");
  }

  @Test
  void failureWithoutStderrHasOnlyTheAgentsMessage() {
    GetCommandInvocationResponse done = Ssm.run(ssm, headNode, "false");

    assertThat(done.responseCode()).isEqualTo(1);
    assertThat(done.standardErrorContent()).isEqualTo("failed to run commands: exit status 1");
  }

  @Test
  void outputBeyondTheInlineLimitsIsTruncatedAsSsmDoes() {
    GetCommandInvocationResponse done =
        Ssm.run(
            ssm,
            headNode,
            "head -c 30000 /dev/zero | tr '\\0' a",
            "head -c 10000 /dev/zero | tr '\\0' e >&2");

    assertThat(done.status()).isEqualTo(CommandInvocationStatus.SUCCESS);
    assertThat(done.standardOutputContent())
        .hasSize(24_000)
        .startsWith("a".repeat(23_980))
        .endsWith("--output truncated--");
    assertThat(done.standardErrorContent())
        .hasSize(8_000)
        .isEqualTo("e".repeat(7_980) + "--output truncated--");
  }

  @Test
  void outputJustBelowTheLimitIsWholeAndAtTheLimitIsCut() {
    GetCommandInvocationResponse below =
        Ssm.run(ssm, headNode, "head -c 23999 /dev/zero | tr '\\0' b");
    GetCommandInvocationResponse at =
        Ssm.run(ssm, headNode, "head -c 24000 /dev/zero | tr '\\0' b");

    assertThat(below.standardOutputContent()).isEqualTo("b".repeat(23_999));
    assertThat(at.standardOutputContent()).isEqualTo("b".repeat(23_980) + "--output truncated--");
  }

  @Test
  void executionTimeoutKillsTheWholeProcessTree(@TempDir Path dir) throws Exception {
    Path pid = dir.resolve("pid");
    String commandId =
        Ssm.send(
            ssm, headNode, List.of("echo started", "sleep 300 &", "echo $! > " + pid, "wait"), "5");

    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pid) && Files.size(pid) > 0);
    long child = Long.parseLong(Files.readString(pid).strip());
    GetCommandInvocationResponse running =
        ssm.getCommandInvocation(r -> r.commandId(commandId).instanceId(headNode));
    assertThat(running.status()).isEqualTo(CommandInvocationStatus.IN_PROGRESS);
    assertThat(running.standardOutputContent()).isEmpty();
    assertThat(running.responseCode()).isEqualTo(-1);
    assertThat(running.executionStartDateTime()).isNotEmpty();
    assertThat(running.executionEndDateTime()).isEmpty();

    GetCommandInvocationResponse done = Ssm.awaitEnd(ssm, commandId, headNode);
    assertThat(done.status()).isEqualTo(CommandInvocationStatus.TIMED_OUT);
    assertThat(done.statusDetails()).isEqualTo("ExecutionTimedOut");
    assertThat(done.responseCode()).isEqualTo(137);
    assertThat(done.standardOutputContent()).isEqualTo("started\n");
    assertThat(Duration.parse(done.executionElapsedTime()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
  }

  @Test
  void anExitCodeOf137IsReportedAsTimedOutLikeTheAgentDoes() {
    GetCommandInvocationResponse done = Ssm.run(ssm, headNode, "exit 137");

    assertThat(done.status()).isEqualTo(CommandInvocationStatus.TIMED_OUT);
    assertThat(done.responseCode()).isEqualTo(137);
  }

  @Test
  void cancelCommandStopsARunningCommand(@TempDir Path dir) {
    Path marker = dir.resolve("started");
    String commandId =
        Ssm.send(ssm, headNode, List.of("touch " + marker, "sleep 300", "echo never"));
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(marker));

    ssm.cancelCommand(r -> r.commandId(commandId));

    GetCommandInvocationResponse done = Ssm.awaitEnd(ssm, commandId, headNode);
    assertThat(done.status()).isEqualTo(CommandInvocationStatus.CANCELLED);
    assertThat(done.statusDetails()).isEqualTo("Cancelled");
    assertThat(done.standardOutputContent()).isEmpty();
  }

  @Test
  void likeTheAgentCancelKillsTheProcessGroupOnly() {
    String nonce = "91" + (1000 + new java.util.Random().nextInt(8999));
    String escaped = "sleep " + nonce + ".1";
    String kept = "sleep " + nonce + ".2";
    String command =
        Ssm.send(
            ssm,
            headNode,
            List.of(
                "runuser -l ec2-user -c '" + escaped + "' &",
                "runuser -l ec2-user --session-command '" + kept + "'"));
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> running(escaped) && running(kept));

      ssm.cancelCommand(r -> r.commandId(command));

      assertThat(Ssm.awaitEnd(ssm, command, headNode).status())
          .isEqualTo(CommandInvocationStatus.CANCELLED);
      await().atMost(Duration.ofSeconds(10)).until(() -> !running(kept));
      assertThat(running(escaped)).as("a new session escapes the agent's kill").isTrue();
    } finally {
      ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().orElse("").endsWith("/" + escaped))
          .forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static boolean running(String commandLine) {
    return ProcessHandle.allProcesses()
        .anyMatch(p -> p.info().commandLine().orElse("").endsWith("/" + commandLine));
  }

  @Test
  void listCommandInvocationsNewestFirstWithDetailsAndPages() {
    String first = Ssm.send(ssm, headNode, List.of("echo first"));
    Ssm.awaitEnd(ssm, first, headNode);
    String second = Ssm.send(ssm, headNode, List.of("echo second", "echo oops >&2", "exit 2"));
    Ssm.awaitEnd(ssm, second, headNode);

    ListCommandInvocationsResponse one =
        ssm.listCommandInvocations(r -> r.commandId(second).details(true));
    assertThat(one.commandInvocations()).hasSize(1);
    CommandInvocation invocation = one.commandInvocations().get(0);
    assertThat(invocation.instanceId()).isEqualTo(headNode);
    assertThat(invocation.instanceName()).matches("ip-10-\\d+-\\d+-\\d+\\.ec2\\.internal");
    assertThat(invocation.status()).isEqualTo(CommandInvocationStatus.FAILED);
    assertThat(invocation.commandPlugins()).hasSize(1);
    assertThat(invocation.commandPlugins().get(0).name()).isEqualTo("aws:runShellScript");
    assertThat(invocation.commandPlugins().get(0).responseCode()).isEqualTo(2);
    assertThat(invocation.commandPlugins().get(0).output())
        .isEqualTo(
            "second\n\n----------ERROR-------\noops\n\nfailed to run commands: exit status 2");

    ListCommandInvocationsResponse page =
        ssm.listCommandInvocations(r -> r.instanceId(headNode).maxResults(1));
    assertThat(page.commandInvocations()).extracting(CommandInvocation::commandId).isNotEmpty();
    assertThat(page.commandInvocations().get(0).commandPlugins()).isEmpty();
    assertThat(page.nextToken()).isNotNull();
    List<String> all =
        ssm
            .listCommandInvocationsPaginator(r -> r.instanceId(headNode).maxResults(2))
            .commandInvocations()
            .stream()
            .map(CommandInvocation::commandId)
            .toList();
    assertThat(all).containsSubsequence(second, first).doesNotHaveDuplicates();

    ListCommandInvocationsResponse failed =
        ssm.listCommandInvocations(
            r ->
                r.filters(
                    f -> f.key("Status").value("Failed"),
                    f -> f.key("ExecutionStage").value("Complete")));
    assertThat(failed.commandInvocations())
        .extracting(CommandInvocation::commandId)
        .contains(second)
        .doesNotContain(first);
  }

  @Test
  void unknownCommandHasNoInvocations() {
    String unknown = "11111111-2222-3333-4444-555555555555";
    assertThat(ssm.listCommandInvocations(r -> r.commandId(unknown)).commandInvocations())
        .isEmpty();
  }

  @Test
  void runningCommandsAreKilledWhenTheirClusterIsDeleted(@TempDir Path dir) {
    Api api = Api.signed(emulator);
    String doomed = Ssm.clusterWithRunningHeadNode(api, "ssm-doomed");
    Path marker = dir.resolve("started");
    String commandId = Ssm.send(ssm, doomed, List.of("touch " + marker, "sleep 300"));
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(marker));

    assertThat(api.delete("/v3/clusters/ssm-doomed").status()).isEqualTo(202);

    GetCommandInvocationResponse done = Ssm.awaitEnd(ssm, commandId, doomed);
    assertThat(done.status()).isEqualTo(CommandInvocationStatus.FAILED);
    assertThat(done.responseCode()).isEqualTo(137);
  }
}
