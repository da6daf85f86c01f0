package io.camelpcluster.pcluster.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * End to end against the machine's own Slurm (scripts/local-slurm.sh): submits rendered jobs with
 * hostile values, follows them with the status command and reads their exit-code files. Jobs run as
 * {@code ec2-user} when the tests run as root, as on a ParallelCluster head node. Skipped when
 * Slurm does not answer.
 */
@EnabledIf("slurmAnswers")
class LocalSlurmTest {

  private static final String USER = "ec2-user";
  private static final String RUN_DIR = "camel-pcluster-it/" + UUID.randomUUID();
  private static final ZoneId HEAD_NODE_ZONE = ZoneId.systemDefault();

  static boolean slurmAnswers() {
    try {
      Shell.Result result = Shell.run("sh", "sinfo -h -o %a");
      return result.exitStatus() == 0 && result.stdout().contains("up");
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** Runs a command line as the cluster user, as the head-node layer will. */
  private static Shell.Result onHeadNode(String commandLine) {
    boolean root = "root".equals(System.getProperty("user.name"));
    boolean userExists = Shell.run("sh", "id -u " + USER).exitStatus() == 0;
    List<String> argv = new ArrayList<>();
    if (root && userExists) {
      argv.addAll(List.of("runuser", "-u", USER, "--"));
    }
    argv.addAll(List.of("sh", "-c", commandLine));
    return Shell.run(argv, Path.of("/"), Map.of());
  }

  @AfterAll
  static void removeRunDirectory() {
    onHeadNode(
        "cd && rm -rf -- "
            + ShellQuote.quote(RUN_DIR)
            + " && rmdir -- camel-pcluster-it 2>/dev/null; true");
  }

  private static String submit(JobSpec spec) {
    Shell.Result submitted = onHeadNode(SlurmCommands.submit(spec));
    assertThat(submitted.exitStatus()).as(submitted.stderr()).isZero();
    return SubmittedJob.parse(submitted.stdout()).jobId();
  }

  private static QueueSnapshot poll(List<String> ids) {
    Shell.Result status = onHeadNode(SlurmCommands.queueStatus(ids));
    return SqueueFormat.snapshot(
        ids, status.exitStatus(), status.stdout(), status.stderr(), HEAD_NODE_ZONE);
  }

  /** Waits until every job of the submission is over, and returns them. */
  private static List<SlurmJob> awaitEnd(String jobId, int tasks) {
    AtomicReference<List<SlurmJob>> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              QueueSnapshot snapshot = poll(List.of(jobId));
              last.set(snapshot.jobs());
              return snapshot.jobs().size() == tasks
                  && snapshot.jobs().stream().allMatch(SlurmJob::isTerminal);
            });
    return last.get();
  }

  @Test
  void aHostileJobRunsAsWrittenAndItsOutcomeIsKnownFromItsFiles() {
    Path marker = Path.of("/tmp/camel-pcluster-pwned-" + UUID.randomUUID());
    String touch = "touch " + marker;
    String name = "x\"; " + touch + " # $(" + touch + ") `" + touch + "` 'q' ünï";
    String value = "$(" + touch + ")`" + touch + "`'\"\n\r\n;|&";
    JobSpec spec =
        JobSpec.builder()
            .command("sh", "-c", "printf '[%s]\\n' \"$HOSTILE\" \"$1\"; exit 7", "sh", value)
            .name(name)
            .environment("HOSTILE", value)
            .workingDirectory(RUN_DIR + "/dir with 'quote' $(" + touch + ")")
            .timeLimit(Duration.ofMinutes(5))
            .build();
    JobFiles files = JobFiles.of(spec);

    String jobId = submit(spec);
    SlurmJob job = awaitEnd(jobId, 1).get(0);

    assertThat(job.name()).isEqualTo(name);
    assertThat(job.state()).isEqualTo(JobState.FAILED);
    assertThat(job.exitCode()).contains(new ExitCode(7, 0));
    Shell.Result records = onHeadNode(SlurmCommands.readExitCodes(Map.of(jobId, files)));
    assertThat(ExitCodeRecords.parse(records.stdout()))
        .containsEntry(jobId, Optional.of(new ExitCode(7, 0)));
    Shell.Result output = onHeadNode(SlurmCommands.readOutput(files, jobId, 4096));
    assertThat(output.stdout()).isEqualTo("[" + value + "]\n[" + value + "]\n");
    Shell.Result described = onHeadNode(SlurmCommands.describe(jobId));
    SlurmJob detail = ScontrolJobParser.parse(described.stdout(), HEAD_NODE_ZONE).get(0);
    assertThat(detail.name()).isEqualTo(name);
    assertThat(detail.exitCode()).contains(new ExitCode(7, 0));
    assertThat(Files.exists(marker)).as("nothing hostile was executed").isFalse();
  }

  @Test
  void anArrayScriptRecordsEachTask() {
    JobSpec spec =
        JobSpec.builder()
            .script(
                "#!/bin/sh\necho \"task $SLURM_ARRAY_TASK_ID of $0\"\nexit $SLURM_ARRAY_TASK_ID\n")
            .array("0-1")
            .launcher(Launcher.SRUN)
            .workingDirectory(RUN_DIR + "/array")
            .build();
    JobFiles files = JobFiles.of(spec);

    String jobId = submit(spec);
    List<SlurmJob> tasks = awaitEnd(jobId, 2);

    assertThat(tasks)
        .extracting(SlurmJob::jobId, SlurmJob::state)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(jobId + "_0", JobState.COMPLETED),
            org.assertj.core.groups.Tuple.tuple(jobId + "_1", JobState.FAILED));
    Shell.Result records =
        onHeadNode(SlurmCommands.readExitCodes(Map.of(jobId + "_0", files, jobId + "_1", files)));
    assertThat(ExitCodeRecords.parse(records.stdout()))
        .containsEntry(jobId + "_0", Optional.of(ExitCode.SUCCESS))
        .containsEntry(jobId + "_1", Optional.of(new ExitCode(1, 0)));
    assertThat(onHeadNode(SlurmCommands.readOutput(files, jobId + "_1", 4096)).stdout())
        .contains("task 1 of ")
        .contains(".pcluster-jobs/" + jobId + "_1.sh");
  }

  @Test
  void aCancelledJobStillRecordsItsStatus() {
    JobSpec spec =
        JobSpec.builder().command("sleep", "300").workingDirectory(RUN_DIR + "/cancel").build();
    JobFiles files = JobFiles.of(spec);
    String jobId = submit(spec);
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> poll(List.of(jobId)).jobs().get(0).state() == JobState.RUNNING);

    assertThat(onHeadNode(SlurmCommands.cancel(List.of(jobId))).exitStatus()).isZero();

    SlurmJob job = awaitEnd(jobId, 1).get(0);
    assertThat(job.state()).isEqualTo(JobState.CANCELLED);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(
                        ExitCodeRecords.parse(
                            onHeadNode(SlurmCommands.readExitCodes(Map.of(jobId, files))).stdout()))
                    .containsEntry(jobId, Optional.of(new ExitCode(143, 0))));
  }

  @Test
  void aForgottenJobIsReportedAsVanished() {
    QueueSnapshot snapshot = poll(List.of("999999"));
    assertThat(snapshot.vanished()).containsExactly("999999");
    assertThat(poll(List.of("999998", "999999")).vanished()).containsExactly("999998", "999999");
  }
}
