package io.camelpcluster.pcluster.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.pcluster.slurm.ExitCode;
import io.camelpcluster.pcluster.slurm.JobFiles;
import io.camelpcluster.pcluster.slurm.JobState;
import io.camelpcluster.pcluster.slurm.JobTimes;
import io.camelpcluster.pcluster.slurm.SlurmJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobStatusTrackerTest {

  private static final JobFiles FILES = new JobFiles("work");
  private static final Duration LOST_AFTER = Duration.ofMinutes(2);
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final JobStatusTracker tracker = new JobStatusTracker(LOST_AFTER);

  @Test
  void aJobSeenRunningAndGoneIsResolvedByItsRecord() {
    round(Map.of("5", FILES), List.of(job("5", JobState.RUNNING)), Map.of(), T0);

    JobStatusTracker.Round round =
        tracker.observe(Map.of("5", FILES), List.of(), T0.plusSeconds(5));
    assertThat(round.exitCodesToRead()).containsOnlyKeys("5");
    JobStatus status =
        round.resolve(Map.of("5", Optional.of(ExitCode.SUCCESS)), T0.plusSeconds(5)).get("5");

    assertThat(status.isFinal()).isTrue();
    assertThat(status.state()).isEqualTo(JobState.COMPLETED);
    assertThat(status.jobs().get(0).reason().orElseThrow()).contains("exit status 0 recorded");
  }

  @Test
  void aJobSeenEndedNeedsNoRecordOnceGone() {
    JobStatus seen =
        round(Map.of("6", FILES), List.of(job("6", JobState.CANCELLED)), Map.of(), T0).get("6");
    assertThat(seen.isFinal()).isTrue();
    assertThat(seen.state()).isEqualTo(JobState.CANCELLED);
  }

  @Test
  void aJobGoneWithoutRecordIsLostAfterTheGracePeriod() {
    JobStatus first =
        round(Map.of("8", FILES), List.of(), Map.of("8", Optional.empty()), T0).get("8");
    assertThat(first.isFinal()).isFalse();
    assertThat(first.state()).isEqualTo(JobState.UNKNOWN);
    assertThat(first.jobs().get(0).reason().orElseThrow()).contains("without an exit-code record");

    JobStatus later =
        round(Map.of("8", FILES), List.of(), Map.of(), T0.plus(LOST_AFTER).minusSeconds(1))
            .get("8");
    assertThat(later.isFinal()).isFalse();

    JobStatus lost = round(Map.of("8", FILES), List.of(), Map.of(), T0.plus(LOST_AFTER)).get("8");
    assertThat(lost.isFinal()).isTrue();
    assertThat(lost.isLost()).isTrue();
    assertThat(lost.lost()).containsExactly("8");
    assertThat(lost.state()).isEqualTo(JobState.UNKNOWN);
    assertThat(lost.jobs().get(0).reason().orElseThrow())
        .startsWith("lost: job 8 (never seen in the queue) left the Slurm queue")
        .contains("within 120 s");
  }

  @Test
  void aLostJobSaysHowItWasLastSeen() {
    round(Map.of("12", FILES), List.of(job("12", JobState.RUNNING)), Map.of(), T0);
    round(Map.of("12", FILES), List.of(), Map.of(), T0.plusSeconds(1));

    JobStatus lost =
        round(Map.of("12", FILES), List.of(), Map.of(), T0.plusSeconds(1).plus(LOST_AFTER))
            .get("12");

    assertThat(lost.isFinal()).isTrue();
    assertThat(lost.jobs().get(0).name()).isEqualTo("job 12");
    assertThat(lost.jobs().get(0).reason().orElseThrow())
        .startsWith("lost: job 12 (last seen RUNNING) left the Slurm queue");
  }

  @Test
  void aRecordThatAppearsLateStillDecides() {
    round(Map.of("9", FILES), List.of(job("9", JobState.RUNNING)), Map.of(), T0);
    round(Map.of("9", FILES), List.of(), Map.of(), T0.plusSeconds(10));

    JobStatus status =
        round(
                Map.of("9", FILES),
                List.of(),
                Map.of("9", Optional.of(new ExitCode(2, 0))),
                T0.plusSeconds(20))
            .get("9");

    assertThat(status.state()).isEqualTo(JobState.FAILED);
    assertThat(status.jobs().get(0).exitCode()).contains(new ExitCode(2, 0));
    assertThat(status.jobs().get(0).name()).isEqualTo("job 9");
  }

  @Test
  void anArrayIsFollowedTaskByTask() {
    JobStatus running =
        round(
                Map.of("7", FILES),
                List.of(task("7", "0", JobState.RUNNING), task("7", "1-2", JobState.QUEUED)),
                Map.of(),
                T0)
            .get("7");
    assertThat(running.jobs()).extracting(SlurmJob::jobId).containsExactly("7_0", "7_[1-2]");
    assertThat(running.state()).isEqualTo(JobState.RUNNING);
    assertThat(running.isFinal()).isFalse();

    JobStatusTracker.Round round =
        tracker.observe(
            Map.of("7", FILES),
            List.of(task("7", "1", JobState.COMPLETED), task("7", "2", JobState.RUNNING)),
            T0.plusSeconds(5));
    assertThat(round.exitCodesToRead()).containsOnlyKeys("7_0");
    JobStatus mixed =
        round.resolve(Map.of("7_0", Optional.of(new ExitCode(1, 0))), T0.plusSeconds(5)).get("7");
    assertThat(mixed.jobs())
        .extracting(SlurmJob::jobId, SlurmJob::state)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("7_0", JobState.FAILED),
            org.assertj.core.groups.Tuple.tuple("7_1", JobState.COMPLETED),
            org.assertj.core.groups.Tuple.tuple("7_2", JobState.RUNNING));
    assertThat(mixed.isFinal()).isFalse();

    JobStatus done =
        round(
                Map.of("7", FILES),
                List.of(task("7", "2", JobState.TIMEOUT)),
                Map.of(),
                T0.plusSeconds(9))
            .get("7");
    assertThat(done.isFinal()).isTrue();
    assertThat(done.state()).isEqualTo(JobState.FAILED);
  }

  @Test
  void aWatchNobodyAsksAboutIsForgotten() {
    round(Map.of("11", FILES), List.of(job("11", JobState.RUNNING)), Map.of(), T0);

    JobStatus status =
        round(
                Map.of("11", FILES),
                List.of(),
                Map.of(),
                T0.plus(JobStatusTracker.FORGET_AFTER).plusSeconds(1))
            .get("11");

    assertThat(status.jobs().get(0).name()).isEmpty();
    assertThat(status.state()).isEqualTo(JobState.UNKNOWN);
  }

  private Map<String, JobStatus> round(
      Map<String, JobFiles> watched,
      List<SlurmJob> listed,
      Map<String, Optional<ExitCode>> records,
      Instant now) {
    return tracker.observe(watched, listed, now).resolve(records, now);
  }

  private static SlurmJob job(String id, JobState state) {
    return new SlurmJob(
        id,
        "job " + id,
        state,
        state.name(),
        Optional.empty(),
        state.isTerminal() ? Optional.of(ExitCode.SUCCESS) : Optional.empty(),
        Optional.of("vm"),
        Optional.of("queue1"),
        JobTimes.UNKNOWN,
        Optional.empty(),
        Optional.empty());
  }

  private static SlurmJob task(String arrayId, String task, JobState state) {
    String id = arrayId + "_" + (task.matches("\\d+") ? task : "[" + task + "]");
    return new SlurmJob(
        id,
        "array",
        state,
        state.name(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of("queue1"),
        JobTimes.UNKNOWN,
        Optional.of(arrayId),
        Optional.of(task));
  }
}
