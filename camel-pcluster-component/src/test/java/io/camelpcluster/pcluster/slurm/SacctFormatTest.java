package io.camelpcluster.pcluster.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SacctFormatTest {

  @Test
  void parsesAccountingLines() {
    List<SlurmJob> jobs =
        SacctFormat.parse(Fixtures.read("accounting/sacct-parsable2.txt"), ZoneOffset.UTC);
    assertThat(jobs)
        .extracting(SlurmJob::jobId, SlurmJob::state, SlurmJob::rawState)
        .containsExactly(
            tuple("501", JobState.COMPLETED, "COMPLETED"),
            tuple("502", JobState.FAILED, "FAILED"),
            tuple("503", JobState.CANCELLED, "CANCELLED by 1001"),
            tuple("504_2", JobState.TIMEOUT, "TIMEOUT"),
            tuple("504_[3-5%2]", JobState.QUEUED, "PENDING"));
    assertThat(jobs.get(1).name()).isEqualTo("exit | three");
    assertThat(jobs.get(1).exitCode()).contains(new ExitCode(3, 0));
    assertThat(jobs.get(0).times().runTime()).contains(Duration.ofMinutes(1));
    assertThat(jobs.get(0).times().ended()).contains(Instant.parse("2026-11-25T10:01:05Z"));
    assertThat(jobs.get(2).times().timeLimit()).isEmpty();
    assertThat(jobs.get(3).submissionId()).isEqualTo("504");
    assertThat(jobs.get(4).arrayTaskId()).contains("3-5%2");
    assertThat(jobs.get(4).nodeList()).isEmpty();
    assertThat(jobs.get(4).times().timeLimit()).as("Partition_Limit").isEmpty();
  }

  @Test
  void accountingDisabledIsRecognised() {
    assertThat(SlurmErrors.isAccountingDisabled(Fixtures.read("22.05/sacct-disabled.stderr.txt")))
        .isTrue();
    assertThat(SlurmErrors.isAccountingDisabled("sacct: error: something else")).isFalse();
  }

  @Test
  void rejectsOtherLines() {
    assertThatThrownBy(() -> SacctFormat.parse("501|COMPLETED\n", ZoneOffset.UTC))
        .isInstanceOf(SlurmOutputException.class);
    assertThat(SacctFormat.FIELDS.split(",")).hasSize(12).endsWith("JobName");
  }
}
