package io.camelpcluster.pcluster.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlurmStateTest {

  @ParameterizedTest
  @CsvSource({
    "PENDING,PD,QUEUED",
    "CONFIGURING,CF,QUEUED",
    "REQUEUED,RQ,QUEUED",
    "REQUEUE_FED,RF,QUEUED",
    "REQUEUE_HOLD,RH,QUEUED",
    "SPECIAL_EXIT,SE,QUEUED",
    "RESV_DEL_HOLD,RD,QUEUED",
    "RUNNING,R,RUNNING",
    "SUSPENDED,S,RUNNING",
    "COMPLETING,CG,RUNNING",
    "STAGE_OUT,SO,RUNNING",
    "SIGNALING,SI,RUNNING",
    "RESIZING,RS,RUNNING",
    "STOPPED,ST,RUNNING",
    "COMPLETED,CD,COMPLETED",
    "FAILED,F,FAILED",
    "NODE_FAIL,NF,FAILED",
    "BOOT_FAIL,BF,FAILED",
    "OUT_OF_MEMORY,OOM,FAILED",
    "PREEMPTED,PR,FAILED",
    "CANCELLED,CA,CANCELLED",
    "REVOKED,RV,CANCELLED",
    "TIMEOUT,TO,TIMEOUT",
    "DEADLINE,DL,TIMEOUT"
  })
  void mapsLongAndCompactStates(String name, String compact, JobState expected) {
    assertThat(SlurmState.of(name)).isEqualTo(expected);
    assertThat(SlurmState.of(compact)).isEqualTo(expected);
    assertThat(SlurmState.of(" " + name.toLowerCase() + " ")).isEqualTo(expected);
  }

  @Test
  void ignoresSuffixesAndUnknownStates() {
    assertThat(SlurmState.of("CANCELLED by 1001")).isEqualTo(JobState.CANCELLED);
    assertThat(SlurmState.of("CANCELLED+")).isEqualTo(JobState.UNKNOWN);
    assertThat(SlurmState.of("")).isEqualTo(JobState.UNKNOWN);
    assertThat(SlurmState.of("EXPLODED")).isEqualTo(JobState.UNKNOWN);
  }

  @Test
  void flagsOverrideTheBaseStateAsSqueueShowsThem() {
    assertThat(SlurmState.of(List.of("COMPLETED", "COMPLETING"))).isEqualTo(JobState.RUNNING);
    assertThat(SlurmState.of(List.of("RUNNING", "CONFIGURING"))).isEqualTo(JobState.QUEUED);
    assertThat(SlurmState.of(List.of("PENDING", "REQUEUED"))).isEqualTo(JobState.QUEUED);
    assertThat(SlurmState.of(List.of("RUNNING", "CONFIGURING", "POWER_UP_NODE")))
        .isEqualTo(JobState.QUEUED);
    assertThat(SlurmState.of(List.of("CANCELLED", "UPDATE_DB"))).isEqualTo(JobState.CANCELLED);
    assertThat(SlurmState.of(List.of("FAILED"))).isEqualTo(JobState.FAILED);
    assertThat(SlurmState.of(List.of("EXPEDITING"))).isEqualTo(JobState.UNKNOWN);
    assertThat(SlurmState.of(List.of())).isEqualTo(JobState.UNKNOWN);
  }

  @Test
  void completedOnlyWithASuccessfulExit() {
    assertThat(SlurmState.withExit(JobState.COMPLETED, Optional.of(ExitCode.SUCCESS)))
        .isEqualTo(JobState.COMPLETED);
    assertThat(SlurmState.withExit(JobState.COMPLETED, Optional.of(new ExitCode(2, 0))))
        .isEqualTo(JobState.FAILED);
    assertThat(SlurmState.withExit(JobState.COMPLETED, Optional.of(new ExitCode(0, 9))))
        .isEqualTo(JobState.FAILED);
    assertThat(SlurmState.withExit(JobState.COMPLETED, Optional.empty()))
        .isEqualTo(JobState.COMPLETED);
    assertThat(SlurmState.withExit(JobState.CANCELLED, Optional.of(new ExitCode(0, 15))))
        .isEqualTo(JobState.CANCELLED);
  }

  @Test
  void terminalStates() {
    assertThat(JobState.values())
        .filteredOn(JobState::isTerminal)
        .containsExactly(JobState.COMPLETED, JobState.FAILED, JobState.CANCELLED, JobState.TIMEOUT);
  }
}
