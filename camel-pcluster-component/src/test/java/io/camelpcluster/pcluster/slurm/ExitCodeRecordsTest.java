package io.camelpcluster.pcluster.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExitCodeRecordsTest {

  @Test
  void parsesRecords() {
    assertThat(ExitCodeRecords.parse("1 0\n2_3 143\n4 -\n5 \n6 999\n7 x\n"))
        .containsExactly(
            Map.entry("1", Optional.of(ExitCode.SUCCESS)),
            Map.entry("2_3", Optional.of(new ExitCode(143, 0))),
            Map.entry("4", Optional.empty()),
            Map.entry("5", Optional.empty()),
            Map.entry("6", Optional.empty()),
            Map.entry("7", Optional.empty()));
    assertThatThrownBy(() -> ExitCodeRecords.parse("cd: can't cd to /home/x\n"))
        .isInstanceOf(SlurmOutputException.class);
  }

  @Test
  void theRecordDecidesForAJobLastSeenRunning() {
    SlurmJob running =
        SqueueFormat.parse(Fixtures.read("22.05/squeue-status-running.txt"), ZoneOffset.UTC).get(3);
    SlurmJob ok =
        ExitCodeRecords.resolveVanished("13", Optional.of(running), Optional.of(ExitCode.SUCCESS));
    assertThat(ok.state()).isEqualTo(JobState.COMPLETED);
    assertThat(ok.exitCode()).contains(ExitCode.SUCCESS);
    assertThat(ok.name()).isEqualTo("cancel-me");
    assertThat(ok.rawState()).isEmpty();
    assertThat(ok.reason().orElseThrow()).contains("exit status 0 recorded");
    assertThat(ok.times().started()).isEqualTo(running.times().started());

    SlurmJob failed =
        ExitCodeRecords.resolveVanished(
            "13", Optional.of(running), Optional.of(new ExitCode(2, 0)));
    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(failed.exitCode()).contains(new ExitCode(2, 0));
  }

  @Test
  void withoutARecordTheOutcomeIsUnknown() {
    SlurmJob unknown = ExitCodeRecords.resolveVanished("99", Optional.empty(), Optional.empty());
    assertThat(unknown.state()).isEqualTo(JobState.UNKNOWN);
    assertThat(unknown.isTerminal()).isFalse();
    assertThat(unknown.jobId()).isEqualTo("99");
    assertThat(unknown.reason()).contains("left the Slurm queue without an exit-code record");
  }

  @Test
  void aJobSeenEndingStaysAsSeen() {
    SlurmJob cancelled =
        SqueueFormat.parse(Fixtures.read("22.05/squeue-status-terminal.txt"), ZoneOffset.UTC)
            .get(0);
    assertThat(
            ExitCodeRecords.resolveVanished(
                "13", Optional.of(cancelled), Optional.of(new ExitCode(143, 0))))
        .isSameAs(cancelled);
  }
}
