package io.camelpcluster.pcluster.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.pcluster.headnode.CommandResult;
import io.camelpcluster.pcluster.headnode.HeadNodeAccess;
import io.camelpcluster.pcluster.headnode.TestHeadNodes;
import io.camelpcluster.pcluster.slurm.ExitCode;
import io.camelpcluster.pcluster.slurm.JobFiles;
import io.camelpcluster.pcluster.slurm.JobSpec;
import io.camelpcluster.pcluster.slurm.JobState;
import io.camelpcluster.pcluster.slurm.Launcher;
import io.camelpcluster.pcluster.slurm.SlurmJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Jobs on the machine's real Slurm through one kind of head-node access, as ec2-user: an MPI
 * program compiled on the "head node" and run on two ranks, hostile values, and the outcomes the
 * subclasses add. Skipped only when Slurm is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SlurmJobsContract {

  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  final String runDir = "camel-pcluster-it/" + UUID.randomUUID();
  HeadNodeAccess access;
  JobService jobs;

  abstract HeadNodeAccess open();

  /** How this access's test launches the MPI program. */
  abstract Launcher mpiLauncher();

  abstract List<String> mpiLauncherArguments();

  @BeforeAll
  void start() {
    TestHeadNodes.assumeLocalSlurm();
    access = open();
    jobs =
        new JobService(
            access, JobServiceOptions.defaults().withHeadNodeZone(ZoneId.systemDefault()));
    assertThat(command(List.of("mkdir", "-p", "--", runDir)).exitCode()).isZero();
  }

  @AfterAll
  void stop() {
    if (access != null) {
      command(List.of("rm", "-rf", "--", runDir));
      command(List.of("rmdir", "--ignore-fail-on-non-empty", "--", "camel-pcluster-it"));
      access.close();
    }
  }

  CommandResult command(List<String> argv) {
    return jobs.runCommand(argv, Optional.empty(), COMMAND_TIMEOUT).join();
  }

  /** Polls the job with the batch status call until it is final. */
  JobStatus awaitFinal(JobSubmission job, Duration atMost) {
    AtomicReference<JobStatus> last = new AtomicReference<>();
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              JobStatus status =
                  jobs.status(Map.of(job.jobId(), job.files())).join().get(job.jobId());
              last.set(status);
              return status.isFinal();
            });
    return last.get();
  }

  void awaitState(JobSubmission job, JobState state) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                jobs.status(Map.of(job.jobId(), job.files())).join().get(job.jobId()).state()
                    == state);
  }

  @Test
  void anMpiProgramCompiledOnTheHeadNodeRunsOnTwoRanks() throws Exception {
    String dir = runDir + "/mpi";
    command(List.of("mkdir", "-p", "--", dir));
    Path source = Path.of(getClass().getResource("/jobs/hello_mpi.c").toURI());
    access.upload(source, dir + "/hello_mpi.c", COMMAND_TIMEOUT).join();
    CommandResult compiled =
        jobs.runCommand(
                List.of("mpicc", "-O2", "-o", "hello_mpi", "hello_mpi.c"),
                Optional.of(dir),
                COMMAND_TIMEOUT)
            .join();
    assertThat(compiled.exitCode()).as(compiled.stderr()).isZero();
    JobSpec spec =
        JobSpec.builder()
            .command("./hello_mpi")
            .ntasks(2)
            .launcher(mpiLauncher())
            .launcherArguments(mpiLauncherArguments())
            .name("mpi-hello")
            .workingDirectory(dir)
            .timeLimit(Duration.ofMinutes(5))
            .build();

    JobSubmission job = jobs.submit(spec).join();
    JobStatus status = awaitFinal(job, Duration.ofSeconds(120));

    SlurmJob done = status.jobs().get(0);
    assertThat(status.state()).isEqualTo(JobState.COMPLETED);
    assertThat(done.exitCode()).contains(ExitCode.SUCCESS);
    assertThat(done.name()).isEqualTo("mpi-hello");
    assertThat(done.nodeList()).isPresent();
    JobOutput output = jobs.output(job.jobId(), job.files(), 64 * 1024).join().orElseThrow();
    assertThat(output.text())
        .contains("hello from rank 0 of 2 on ")
        .contains("hello from rank 1 of 2 on ")
        .contains("sum of ranks 1");
    assertThat(output.truncated()).isFalse();
    JobOutput tail = jobs.output(job.jobId(), job.files(), 10).join().orElseThrow();
    assertThat(tail.truncated()).isTrue();
    assertThat(tail.sizeBytes()).isEqualTo(output.sizeBytes());
    assertThat(output.text()).endsWith(tail.text());

    jobs.removeFiles(Map.of(job.jobId(), job.files())).join();

    assertThat(jobs.output(job.jobId(), job.files(), 10).join()).isEmpty();
  }

  @Test
  void hostileValuesArriveVerbatimAndExecuteNothing() {
    Path marker = Path.of("/tmp/camel-pcluster-pwned-" + UUID.randomUUID());
    String touch = "touch " + marker;
    String name = "x\"; " + touch + " # $(" + touch + ") `" + touch + "` 'q' ünï";
    String value = "$(" + touch + ")`" + touch + "`'\"\n;|& " + touch + " \\";
    List<String> args = List.of("--" + touch, "; " + touch, "$(" + touch + ")", "a'b\"c", "l1\nl2");
    List<String> argv =
        new ArrayList<>(List.of("sh", "-c", "printf '[%s]\\n' \"$HOSTILE\" \"$@\"", "sh"));
    argv.addAll(args);
    JobSpec spec =
        JobSpec.builder()
            .command(argv)
            .name(name)
            .environment("HOSTILE", value)
            .workingDirectory(runDir + "/dir with 'quote' $(" + touch + ") `x` ;")
            .timeLimit(Duration.ofMinutes(5))
            .build();

    JobSubmission job = jobs.submit(spec).join();
    JobStatus status = awaitFinal(job, Duration.ofSeconds(120));

    assertThat(status.state()).isEqualTo(JobState.COMPLETED);
    assertThat(status.jobs().get(0).name()).isEqualTo(name);
    StringBuilder expected = new StringBuilder("[" + value + "]\n");
    args.forEach(a -> expected.append('[').append(a).append("]\n"));
    assertThat(jobs.output(job.jobId(), job.files(), 4096).join().orElseThrow().text())
        .isEqualTo(expected.toString());
    CommandResult echoed =
        jobs.runCommand(
                List.of("printf", "[%s]\\n", value, name, "--version"),
                Optional.of(spec.workingDirectory().orElseThrow()),
                COMMAND_TIMEOUT)
            .join();
    assertThat(echoed.stdout()).isEqualTo("[" + value + "]\n[" + name + "]\n[--version]\n");
    assertThat(Files.exists(marker)).as("nothing hostile was executed").isFalse();
  }

  @Test
  void sbatchRefusalsCarrySlurmsReason() {
    JobSpec spec = JobSpec.builder().command("true").partition("no-such-queue").build();

    assertThatThrownBy(() -> jobs.submit(spec).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(JobCommandException.class)
        .hasMessageContaining("sbatch failed (exit 1)")
        .hasMessageContaining("Invalid partition name");
  }

  @Test
  void aJobSlurmForgotIsResolvedFromItsExitCodeFileOrReportedLost() {
    JobFiles files = new JobFiles(runDir + "/forgotten");
    command(List.of("mkdir", "-p", "--", files.directory()));
    command(List.of("sh", "-c", "echo 4 > \"$1\"", "sh", files.exitCodeFile("999998")));
    JobService impatient =
        new JobService(
            access,
            JobServiceOptions.defaults()
                .withHeadNodeZone(ZoneId.systemDefault())
                .withLostAfter(Duration.ZERO));

    Map<String, JobStatus> statuses =
        impatient.status(Map.of("999998", files, "999999", files)).join();

    JobStatus recorded = statuses.get("999998");
    assertThat(recorded.isFinal()).isTrue();
    assertThat(recorded.state()).isEqualTo(JobState.FAILED);
    assertThat(recorded.jobs().get(0).exitCode()).contains(new ExitCode(4, 0));
    JobStatus lost = statuses.get("999999");
    assertThat(lost.isFinal()).isTrue();
    assertThat(lost.isLost()).isTrue();
    assertThat(lost.state()).isEqualTo(JobState.UNKNOWN);
    assertThat(lost.jobs().get(0).reason().orElseThrow()).startsWith("lost: job 999999");
    assertThat(jobs.describe("999999").join()).isEmpty();
  }
}
