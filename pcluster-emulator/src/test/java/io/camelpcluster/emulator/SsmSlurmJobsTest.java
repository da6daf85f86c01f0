package io.camelpcluster.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

/**
 * Slurm jobs submitted through SSM, on the real Slurm of this machine (scripts/local-slurm.sh):
 * they carry their head node's wckey and are cancelled when their cluster is deleted; other jobs
 * are left alone.
 */
class SsmSlurmJobsTest {
  private static final Pattern JOB_STATE = Pattern.compile("JobState=(\\S+)");

  private static PclusterEmulator emulator;
  private static SsmClient ssm;
  private static Api api;
  private final List<String> jobs = new ArrayList<>();

  @BeforeAll
  static void start() {
    emulator =
        PclusterEmulator.start(
            EmulatorConfig.builder()
                .createDuration(Duration.ofMillis(400))
                .deleteDuration(Duration.ofMillis(400))
                .build());
    ssm = Ssm.client(emulator);
    api = Api.signed(emulator);
  }

  @AfterAll
  static void stop() {
    ssm.close();
    emulator.close();
  }

  @AfterEach
  void cancelLeftovers() throws Exception {
    if (!jobs.isEmpty()) {
      List<String> command = new ArrayList<>(List.of("scancel"));
      command.addAll(jobs);
      shell(command);
    }
  }

  @Test
  void jobsSubmittedThroughSsmAreCancelledWhenTheirClusterIsDeleted() throws Exception {
    String headNode = Ssm.clusterWithRunningHeadNode(api, "jobs-deleted");
    String other = Ssm.clusterWithRunningHeadNode(api, "jobs-kept");
    String doomed = submitThroughSsm(headNode, "doomed");
    String kept = submitThroughSsm(other, "kept");
    String outside = submit(List.of("runuser", "-l", "ec2-user", "-c", sbatch("outside")));

    assertThat(wckey(doomed)).isEqualTo("pcluster-emulator-" + headNode);
    assertThat(wckey(kept)).isEqualTo("pcluster-emulator-" + other);
    assertThat(wckey(outside)).isIn("", "(null)");

    assertThat(api.delete("/v3/clusters/jobs-deleted").status()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(30)).until(() -> state(doomed).equals("CANCELLED"));
    assertThat(state(kept)).isIn("PENDING", "RUNNING");
    assertThat(state(outside)).isIn("PENDING", "RUNNING");
  }

  @Test
  void theMarkIsInvisibleToTheJobAndToThisMachine(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    String headNode = Ssm.clusterWithRunningHeadNode(api, "jobs-transparent");
    Path output = Files.createTempFile("ssm-slurm-", ".out");
    Files.setPosixFilePermissions(
        output, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
    try {
      GetCommandInvocationResponse done =
          Ssm.run(
              ssm,
              headNode,
              "runuser -l ec2-user -c 'sbatch --parsable --wait -o "
                  + output
                  + " --wrap \"echo from slurm; id -un\"'",
              "head -c 4 \"$(command -v sbatch)\" | od -c | head -1");

      assertThat(done.status()).isEqualTo(CommandInvocationStatus.SUCCESS);
      String jobId = done.standardOutputContent().lines().findFirst().orElseThrow().strip();
      jobs.add(jobId);
      assertThat(jobId).matches("\\d+");
      assertThat(done.standardOutputContent()).contains("#   !   /   b");
      assertThat(Files.readString(output)).isEqualTo("from slurm\nec2-user\n");
      assertThat(wckey(jobId)).isEqualTo("pcluster-emulator-" + headNode);
      assertThat(Files.readString(Path.of("/proc/self/mountinfo")))
          .doesNotContain("pcluster-emulator-ssm");
      String hostSbatch =
          shell(List.of("sh", "-c", "head -c 4 \"$(command -v sbatch)\" | od -c | head -1"));
      assertThat(hostSbatch).contains("177   E   L   F");
    } finally {
      Files.deleteIfExists(output);
    }
  }

  @Test
  void anExplicitWckeyOfTheCallerWins() throws Exception {
    String headNode = Ssm.clusterWithRunningHeadNode(api, "jobs-own-key");
    GetCommandInvocationResponse done =
        Ssm.run(
            ssm,
            headNode,
            "runuser -l ec2-user -c 'sbatch --parsable --wckey=mine -o /dev/null --wrap \"sleep 300\"'");
    String jobId = done.standardOutputContent().strip();
    jobs.add(jobId);

    assertThat(wckey(jobId)).isEqualTo("mine");
  }

  private String submitThroughSsm(String headNode, String name) {
    GetCommandInvocationResponse done =
        Ssm.run(
            ssm, headNode, "runuser -l ec2-user -c '" + sbatch(name).replace("'", "'\\''") + "'");
    assertThat(done.status())
        .as(done.standardErrorContent())
        .isEqualTo(CommandInvocationStatus.SUCCESS);
    String jobId = done.standardOutputContent().strip();
    assertThat(jobId).matches("\\d+");
    jobs.add(jobId);
    return jobId;
  }

  private String submit(List<String> command) throws Exception {
    String jobId = shell(command).strip();
    assertThat(jobId).matches("\\d+");
    jobs.add(jobId);
    return jobId;
  }

  private static String sbatch(String name) {
    return "sbatch --parsable -J ssm-test-" + name + " -o /dev/null --wrap 'sleep 300'";
  }

  private static String state(String jobId) throws Exception {
    Matcher m = JOB_STATE.matcher(job(jobId));
    return m.find() ? m.group(1) : "GONE";
  }

  /** The job's wckey, which {@code scontrol show job} leaves out without accounting. */
  private static String wckey(String jobId) throws Exception {
    return shell(List.of("squeue", "-h", "-t", "all", "-j", jobId, "-O", "WCKey:200")).strip();
  }

  private static String job(String jobId) throws Exception {
    return shell(List.of("scontrol", "show", "job", "-o", jobId));
  }

  private static String shell(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
