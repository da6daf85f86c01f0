package io.camelpcluster.pcluster.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Slurm's small value notations: time spans, memory, exit codes, dependencies, job files. */
class SlurmValuesTest {

  @ParameterizedTest
  @CsvSource({
    "30, PT30M",
    "90, PT1H30M",
    "0:05, PT5S",
    "1:06, PT1M6S",
    "90:30, PT1H30M30S",
    "01:30:00, PT1H30M",
    "36:00:00, PT36H",
    "2-00, PT48H",
    "1-12, PT36H",
    "1-02:03, PT26H3M",
    "1-02:03:04, PT26H3M4S",
    "00:00:00, PT0S"
  })
  void parsesSlurmTimes(String text, Duration expected) {
    assertThat(SlurmDuration.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UNLIMITED", "INFINITE", "Partition_Limit", "N/A", "NONE", "", " "})
  void noLimitWords(String text) {
    assertThat(SlurmDuration.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1:60", "1:00:60", "1:60:00", "1-24", "abc", "1:2:3:4", "-5", "1.5", "1-", "1-1-1"
      })
  void rejectsMalformedTimes(String text) {
    assertThatThrownBy(() -> SlurmDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formatsTimes() {
    assertThat(SlurmDuration.format(Duration.ofMinutes(90))).isEqualTo("01:30:00");
    assertThat(SlurmDuration.format(Duration.ofHours(49).plusSeconds(1))).isEqualTo("2-01:00:01");
    assertThat(SlurmDuration.format(Duration.ofMillis(1500))).isEqualTo("00:00:02");
    assertThatThrownBy(() -> SlurmDuration.format(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "4G, 4096",
    "512M, 512",
    "1024, 1024",
    "2T, 2097152",
    "1k, 1",
    "2048K, 2",
    "4GB, 4096",
    "4gib, 4096"
  })
  void parsesMemory(String text, long megabytes) {
    assertThat(MemorySize.parse(text).megabytes()).isEqualTo(megabytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5G", "-4G", "0", "0M", "4X", "G", "", "4 G", "99999999999T"})
  void rejectsBadMemory(String text) {
    assertThatThrownBy(() -> MemorySize.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void memoryForSbatch() {
    assertThat(MemorySize.parse("4G").toSlurm()).isEqualTo("4096M");
  }

  @Test
  void exitCodes() {
    assertThat(ExitCode.parse("3:0")).isEqualTo(new ExitCode(3, 0));
    assertThat(ExitCode.parse(" 0:15 ").signal()).isEqualTo(15);
    assertThat(ExitCode.fromWaitStatus(768)).isEqualTo(new ExitCode(3, 0));
    assertThat(ExitCode.fromWaitStatus(15)).isEqualTo(new ExitCode(0, 15));
    assertThat(ExitCode.fromWaitStatus(0)).isEqualTo(ExitCode.SUCCESS);
    assertThat(ExitCode.SUCCESS.isSuccess()).isTrue();
    assertThat(new ExitCode(0, 9).isSuccess()).isFalse();
    assertThat(new ExitCode(1, 0)).hasToString("1:0");
    for (String bad : List.of("3", "a:b", "300:0", "0:200", "1:2:3", "")) {
      assertThatThrownBy(() -> ExitCode.parse(bad)).isInstanceOf(SlurmOutputException.class);
    }
    assertThatThrownBy(() -> ExitCode.fromWaitStatus(70000))
        .isInstanceOf(SlurmOutputException.class);
    assertThatThrownBy(() -> new ExitCode(256, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dependencies() {
    assertThat(JobDependency.parseList("afterok:1:2_3, afterany:4,singleton"))
        .extracting(JobDependency::toSlurm)
        .containsExactly("afterok:1:2_3", "afterany:4", "singleton");
    assertThat(JobDependency.parseList("AFTERNOTOK:7").get(0).kind())
        .isEqualTo(JobDependency.Kind.AFTERNOTOK);
    assertThat(JobDependency.of(JobDependency.Kind.AFTERCORR, "9").toSlurm())
        .isEqualTo("aftercorr:9");
    assertThatThrownBy(() -> JobDependency.parseList("singleton:1"))
        .hasMessageContaining("takes no job ids");
    assertThatThrownBy(() -> JobDependency.parseList("afterok:1+5"))
        .hasMessageContaining("invalid job id");
    assertThatThrownBy(() -> JobDependency.parseList(" "))
        .hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> JobDependency.parseList("afterok:1,,afterok:2"))
        .hasMessageContaining("unknown condition ''");
    assertThatThrownBy(() -> JobDependency.parseList("afterok:"))
        .hasMessageContaining("invalid job id ''");
  }

  @Test
  void jobFiles() {
    JobFiles home = new JobFiles(".");
    assertThat(home.exitCodeFile("12")).isEqualTo(".pcluster-jobs/12.ec");
    assertThat(home.outputFile("12_3")).isEqualTo(".pcluster-jobs/12_3.out");
    assertThat(new JobFiles("/fsx/run/").scriptFile("5")).isEqualTo("/fsx/run/.pcluster-jobs/5.sh");
    assertThat(JobFiles.of(JobSpec.builder().command("x").workingDirectory("~/a").build()))
        .isEqualTo(new JobFiles("a"));
    assertThat(JobFiles.of(JobSpec.builder().command("x").build())).isEqualTo(home);
    assertThatThrownBy(() -> home.exitCodeFile("../x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JobFiles("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void placeholders() {
    for (String none : List.of("(null)", "N/A", "None", "NONE", "Unknown", "", " ")) {
      assertThat(SlurmValues.text(none)).as(none).isEmpty();
    }
    assertThat(SlurmValues.text(" vm ")).isEqualTo(Optional.of("vm"));
  }
}
