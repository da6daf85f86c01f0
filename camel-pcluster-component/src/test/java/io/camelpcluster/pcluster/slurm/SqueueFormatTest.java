package io.camelpcluster.pcluster.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqueueFormatTest {

  private static List<SlurmJob> parse(String fixture) {
    return SqueueFormat.parse(Fixtures.read("22.05/" + fixture), ZoneOffset.UTC);
  }

  @Test
  void runningAndPendingJobs() {
    List<SlurmJob> jobs = parse("squeue-status-running.txt");
    assertThat(jobs)
        .extracting(SlurmJob::jobId, SlurmJob::state, SlurmJob::name)
        .containsExactly(
            tuple("14", JobState.QUEUED, "killed"),
            tuple("15", JobState.QUEUED, "waits"),
            tuple("12", JobState.RUNNING, "timeout-job"),
            tuple("13", JobState.RUNNING, "cancel-me"));
    SlurmJob timeoutJob = jobs.get(2);
    assertThat(timeoutJob.times().timeLimit()).contains(Duration.ofMinutes(1));
    assertThat(timeoutJob.times().runTime()).contains(Duration.ofSeconds(5));
    assertThat(timeoutJob.times().ended()).as("projected end is not an end").isEmpty();
    assertThat(timeoutJob.exitCode()).isEmpty();
    assertThat(jobs.get(1).reason()).contains("Dependency");
    assertThat(jobs.get(1).nodeList()).isEmpty();
  }

  @Test
  void terminalJobsCarryTheExitCodeFromTheWaitStatus() {
    List<SlurmJob> jobs = parse("squeue-status-terminal.txt");
    assertThat(jobs)
        .extracting(SlurmJob::jobId, SlurmJob::state, SlurmJob::exitCode)
        .containsExactly(
            tuple("13", JobState.CANCELLED, java.util.Optional.of(new ExitCode(0, 15))),
            tuple("14", JobState.FAILED, java.util.Optional.of(new ExitCode(0, 9))),
            tuple("15", JobState.QUEUED, java.util.Optional.empty()),
            tuple("12", JobState.TIMEOUT, java.util.Optional.of(new ExitCode(0, 15))));
    assertThat(jobs.get(3).times().ended()).contains(Instant.parse("2026-11-25T13:25:13Z"));
  }

  @Test
  void arrayTasks() {
    List<SlurmJob> running = parse("squeue-status-array-running.txt");
    assertThat(running).hasSize(6).allMatch(j -> j.submissionId().equals("17"));
    assertThat(running.get(0).jobId()).isEqualTo("17_2");
    assertThat(running.get(0).arrayTaskId()).contains("2");
    assertThat(running.get(0).reason()).contains("JobArrayTaskLimit");

    List<SlurmJob> done = parse("squeue-status-array-terminal.txt");
    assertThat(done)
        .extracting(SlurmJob::jobId, SlurmJob::state)
        .containsExactly(
            tuple("17_4", JobState.COMPLETED),
            tuple("17_2", JobState.COMPLETED),
            tuple("17_0", JobState.COMPLETED),
            tuple("17_5", JobState.FAILED),
            tuple("17_3", JobState.FAILED),
            tuple("17_1", JobState.FAILED));
    assertThat(done.get(3).exitCode()).contains(new ExitCode(1, 0));
  }

  @Test
  void theNameIsLastSoAHostileNameCannotShiftFields() {
    SlurmJob job = parse("squeue-status-hostile-name.txt").get(0);
    assertThat(job.jobId()).isEqualTo("37");
    assertThat(job.state()).isEqualTo(JobState.QUEUED);
    assertThat(job.name())
        .isEqualTo(
            "evil UserId=root(0) GroupId=root(0) JobState=COMPLETED ExitCode=0:0 | $(touch"
                + " /tmp/pwned) `id` \"q\" 's'");
  }

  @Test
  void snapshotFindsVanishedJobs() {
    QueueSnapshot snapshot =
        SqueueFormat.snapshot(
            List.of("17", "12", "999"),
            0,
            Fixtures.read("22.05/squeue-status-array-terminal.txt")
                + Fixtures.read("22.05/squeue-status-terminal.txt"),
            "",
            ZoneOffset.UTC);
    assertThat(snapshot.jobs()).hasSize(10);
    assertThat(snapshot.vanished()).containsExactly("999");
  }

  @Test
  void aSingleForgottenJobIsAnErrorThatMeansVanished() {
    QueueSnapshot snapshot =
        SqueueFormat.snapshot(
            List.of("999999"),
            1,
            "",
            Fixtures.read("22.05/squeue-invalid-job.stderr.txt"),
            ZoneOffset.UTC);
    assertThat(snapshot.jobs()).isEmpty();
    assertThat(snapshot.vanished()).containsExactly("999999");
  }

  @Test
  void otherFailuresAreReported() {
    assertThatThrownBy(
            () ->
                SqueueFormat.snapshot(
                    List.of("1"),
                    1,
                    "",
                    "squeue: error: slurm_receive_msg: Socket timed out on send/recv operation\n",
                    ZoneOffset.UTC))
        .isInstanceOf(SlurmOutputException.class)
        .hasMessage(
            "squeue failed (exit 1): squeue: error: slurm_receive_msg: Socket timed out on"
                + " send/recv operation");
    assertThatThrownBy(() -> SqueueFormat.parse("12|RUNNING\n", ZoneOffset.UTC))
        .isInstanceOf(SlurmOutputException.class)
        .hasMessageContaining("not a line of the squeue status format");
  }

  @Test
  void theFormatMatchesTheParser() {
    assertThat(SqueueFormat.FIELDS.split(",")).hasSize(14);
    assertThat(SqueueFormat.FIELDS).endsWith("Name:");
  }
}
