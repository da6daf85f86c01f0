package io.camelpcluster.pcluster.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScontrolJobParserTest {

  private static List<SlurmJob> parse(String fixture) {
    return ScontrolJobParser.parse(Fixtures.read("22.05/" + fixture), ZoneOffset.UTC);
  }

  @ParameterizedTest
  @CsvSource({
    "running, RUNNING, RUNNING, ''",
    "pending, QUEUED, PENDING, ''",
    "held, QUEUED, PENDING, ''",
    "completed, COMPLETED, COMPLETED, 0:0",
    "failed-exit3, FAILED, FAILED, 3:0",
    "cancelled-running, CANCELLED, CANCELLED, 0:15",
    "cancelled-pending, CANCELLED, CANCELLED, 0:0",
    "timeout, TIMEOUT, TIMEOUT, 0:15"
  })
  void samplesOfTheLocalCluster(String sample, JobState state, String raw, String exit) {
    SlurmJob job = parse("slurmenv/scontrol-show-job-" + sample + ".txt").get(0);
    assertThat(job.state()).isEqualTo(state);
    assertThat(job.rawState()).isEqualTo(raw);
    assertThat(job.exitCode().map(ExitCode::toString))
        .isEqualTo(java.util.Optional.ofNullable(exit.isEmpty() ? null : exit));
    assertThat(job.times().submitted()).isPresent();
    assertThat(job.times().ended().isPresent()).isEqualTo(state.isTerminal());
  }

  @Test
  void heldAndCancelledWhilePending() {
    assertThat(parse("slurmenv/scontrol-show-job-held.txt").get(0).reason())
        .contains("JobHeldUser");
    SlurmJob cancelled = parse("slurmenv/scontrol-show-job-cancelled-pending.txt").get(0);
    assertThat(cancelled.nodeList()).as("never ran").isEmpty();
    assertThat(cancelled.times().runTime()).contains(java.time.Duration.ZERO);
  }

  @Test
  void runningJob() {
    SlurmJob job = parse("scontrol-running.txt").get(0);
    assertThat(job.jobId()).isEqualTo("13");
    assertThat(job.name()).isEqualTo("cancel-me");
    assertThat(job.state()).isEqualTo(JobState.RUNNING);
    assertThat(job.rawState()).isEqualTo("RUNNING");
    assertThat(job.reason()).isEmpty();
    assertThat(job.exitCode()).as("0:0 means nothing while running").isEmpty();
    assertThat(job.nodeList()).contains("vm");
    assertThat(job.partition()).contains("queue1");
    assertThat(job.times().submitted()).contains(Instant.parse("2026-11-25T13:24:07Z"));
    assertThat(job.times().started()).contains(Instant.parse("2026-11-25T13:24:07Z"));
    assertThat(job.times().ended()).isEmpty();
    assertThat(job.times().timeLimit()).isEmpty();
    assertThat(job.arrayJobId()).isEmpty();
    assertThat(job.submissionId()).isEqualTo("13");
  }

  @Test
  void terminalJobs() {
    SlurmJob cancelled = parse("scontrol-cancelled.txt").get(0);
    assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
    assertThat(cancelled.exitCode()).contains(new ExitCode(0, 15));
    assertThat(cancelled.times().ended()).contains(Instant.parse("2026-11-25T13:24:12Z"));
    assertThat(cancelled.times().runTime()).contains(Duration.ofSeconds(5));

    SlurmJob timeout = parse("scontrol-timeout.txt").get(0);
    assertThat(timeout.state()).isEqualTo(JobState.TIMEOUT);
    assertThat(timeout.reason()).contains("TimeLimit");
    assertThat(timeout.times().timeLimit()).contains(Duration.ofMinutes(1));
    assertThat(timeout.times().runTime()).contains(Duration.ofSeconds(66));

    SlurmJob killed = parse("scontrol-signal.txt").get(0);
    assertThat(killed.state()).isEqualTo(JobState.FAILED);
    assertThat(killed.exitCode()).contains(new ExitCode(0, 9));
    assertThat(killed.reason()).contains("JobLaunchFailure");
  }

  @Test
  void pendingOnDependency() {
    SlurmJob waiting = parse("scontrol-pending-dependency.txt").get(0);
    assertThat(waiting.state()).isEqualTo(JobState.QUEUED);
    assertThat(waiting.reason()).contains("Dependency");
    assertThat(waiting.nodeList()).isEmpty();
    assertThat(waiting.times().started()).isEmpty();

    SlurmJob never = parse("scontrol-dependency-never.txt").get(0);
    assertThat(never.state()).isEqualTo(JobState.QUEUED);
    assertThat(never.reason()).contains("DependencyNeverSatisfied");
  }

  @Test
  void arrayRecords() {
    List<SlurmJob> running = parse("scontrol-array.txt");
    assertThat(running)
        .extracting(SlurmJob::jobId, SlurmJob::state, SlurmJob::submissionId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("17_[2-5%2]", JobState.QUEUED, "17"),
            org.assertj.core.groups.Tuple.tuple("17_1", JobState.RUNNING, "17"),
            org.assertj.core.groups.Tuple.tuple("17_0", JobState.RUNNING, "17"));
    assertThat(running.get(0).arrayTaskId()).contains("2-5%2");
    assertThat(running.get(0).reason()).contains("JobArrayTaskLimit");

    List<SlurmJob> done = parse("scontrol-array-terminal.txt");
    assertThat(done).hasSize(6).allMatch(SlurmJob::isTerminal);
    assertThat(done)
        .filteredOn(j -> j.state() == JobState.FAILED)
        .extracting(SlurmJob::jobId)
        .containsExactlyInAnyOrder("17_1", "17_3", "17_5");
    assertThat(done)
        .filteredOn(j -> j.state() == JobState.FAILED)
        .allMatch(j -> j.exitCode().orElseThrow().equals(new ExitCode(1, 0)));
  }

  @Test
  void valuesWithBlanksAndFirstOccurrenceWins() {
    String line =
        "JobId=5 JobName=my job \"x\" $(y) JobState=COMPLETED Reason=None ExitCode=3:0"
            + " Partition=queue1 WorkDir=/home/u/a b JobState=RUNNING Power=";
    SlurmJob job = ScontrolJobParser.parse(line, ZoneOffset.UTC).get(0);
    assertThat(job.name()).isEqualTo("my job \"x\" $(y)");
    assertThat(job.state()).as("exit 3 makes COMPLETED a failure").isEqualTo(JobState.FAILED);
    assertThat(job.rawState()).isEqualTo("COMPLETED");
    assertThat(ScontrolJobParser.fields(line))
        .containsEntry("WorkDir", "/home/u/a b")
        .containsEntry("Power", "");
  }

  @Test
  void aNameImitatingFieldsIsAmbiguousInThisFormat() {
    // captured: the name imitates scontrol's own fields; squeue -O reads it unambiguously
    SlurmJob job = parse("scontrol-hostile-name.txt").get(0);
    assertThat(job.jobId()).isEqualTo("37");
    assertThat(job.name()).isEqualTo("evil");
    assertThat(job.state())
        .as("the imitation wins here, not in squeue")
        .isEqualTo(JobState.COMPLETED);
    assertThat(job.partition()).contains("queue1");
  }

  @Test
  void readsTimesInTheHeadNodesZone() {
    SlurmJob job =
        ScontrolJobParser.parse(
                Fixtures.read("22.05/scontrol-running.txt"), ZoneId.of("Europe/Paris"))
            .get(0);
    assertThat(job.times().submitted()).contains(Instant.parse("2026-11-25T12:24:07Z"));
  }

  @Test
  void rejectsOtherOutput() {
    assertThat(ScontrolJobParser.parse("No jobs in the system\n", ZoneOffset.UTC)).isEmpty();
    assertThat(ScontrolJobParser.parse("", ZoneOffset.UTC)).isEmpty();
    assertThatThrownBy(
            () ->
                ScontrolJobParser.parse(
                    Fixtures.read("22.05/scontrol-invalid-job.stderr.txt"), ZoneOffset.UTC))
        .isInstanceOf(SlurmOutputException.class)
        .hasMessageContaining("not a line of 'scontrol show job -o'");
    assertThatThrownBy(
            () -> ScontrolJobParser.parse("JobId=1 ExitCode=x:y JobState=FAILED", ZoneOffset.UTC))
        .isInstanceOf(SlurmOutputException.class);
    assertThatThrownBy(
            () -> ScontrolJobParser.parse("JobId=1 SubmitTime=yesterday", ZoneOffset.UTC))
        .isInstanceOf(SlurmOutputException.class)
        .hasMessageContaining("not a Slurm time stamp");
  }
}
