package io.camelpcluster.pcluster.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubmittedJobTest {

  @Test
  void parsesSbatchParsable() {
    assertThat(SubmittedJob.parse(Fixtures.read("22.05/sbatch-parsable.txt")))
        .isEqualTo(new SubmittedJob("17", java.util.Optional.empty()));
    SubmittedJob federated = SubmittedJob.parse("4242;hpc-cluster\n");
    assertThat(federated.jobId()).isEqualTo("4242");
    assertThat(federated.cluster()).contains("hpc-cluster");
    assertThat(SubmittedJob.parse("sbatch: warning: something\n\n99\n").jobId()).isEqualTo("99");
  }

  @Test
  void rejectsOutputWithoutAJobId() {
    assertThatThrownBy(() -> SubmittedJob.parse(""))
        .isInstanceOf(SlurmOutputException.class)
        .hasMessage("sbatch printed no job id");
    assertThatThrownBy(() -> SubmittedJob.parse("Submitted batch job 12\n"))
        .isInstanceOf(SlurmOutputException.class)
        .hasMessage("sbatch printed no job id: Submitted batch job 12");
  }

  @Test
  void summarisesSbatchErrors() {
    assertThat(SlurmErrors.summary(Fixtures.read("22.05/sbatch-bad-partition.stderr.txt")))
        .isEqualTo("sbatch: error: Batch job submission failed: Invalid partition name specified");
    assertThat(SlurmErrors.summary("line one\nlast line\n")).isEqualTo("last line");
    assertThat(SlurmErrors.summary(null)).isEmpty();
    assertThat(SlurmErrors.summary("error " + "x".repeat(1000))).hasSize(303).endsWith("...");
    assertThat(SlurmErrors.summary("error \u001b[31mred\u0007")).isEqualTo("error  [31mred ");
  }

  @Test
  void recognisesForgottenJobs() {
    assertThat(SlurmErrors.isInvalidJobId(Fixtures.read("22.05/squeue-invalid-job.stderr.txt")))
        .isTrue();
    assertThat(SlurmErrors.isInvalidJobId(Fixtures.read("22.05/scontrol-invalid-job.stderr.txt")))
        .isTrue();
    assertThat(SlurmErrors.isInvalidJobId("squeue: error: Invalid user: x")).isFalse();
    assertThat(SlurmErrors.isInvalidJobId(null)).isFalse();
  }
}
