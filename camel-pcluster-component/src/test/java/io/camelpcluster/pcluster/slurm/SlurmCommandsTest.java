package io.camelpcluster.pcluster.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmCommandsTest {

  @TempDir Path home;

  /** Runs a command line with sh (dash) as the head-node layer will, with fake Slurm tools. */
  private Shell.Result runOnHeadNode(String commandLine) throws IOException {
    Path bin = Files.createDirectories(home.resolve(".fakebin"));
    Path sbatch = bin.resolve("sbatch");
    Files.writeString(
        sbatch,
        "#!/bin/sh\n"
            + "cat > \"$HOME/sbatch.stdin\"\n"
            + "printf '%s\\n' \"$@\" > \"$HOME/sbatch.args\"\n"
            + "pwd > \"$HOME/sbatch.cwd\"\n"
            + "echo 4242\n");
    Files.setPosixFilePermissions(sbatch, PosixFilePermissions.fromString("rwxr-xr-x"));
    return Shell.run(
        List.of("sh", "-c", commandLine),
        Path.of("/"),
        Map.of("HOME", home.toString(), "PATH", bin + ":" + System.getenv("PATH")));
  }

  @Test
  void submitFeedsTheExactScriptAndArgumentsToSbatch() throws IOException {
    Path marker = home.resolve("pwned");
    JobSpec spec =
        JobSpec.builder()
            .command("printf", "%s\\n", "$(touch " + marker + ")")
            .name("x\"; touch " + marker + " # $(touch " + marker + ") `touch " + marker + "` 'q'")
            .workingDirectory("~/runs/a b/$(touch " + marker + ")")
            .environment("V", "'\n\r\n$(touch " + marker + ")")
            .partition("queue1")
            .build();
    Shell.Result result = runOnHeadNode(SlurmCommands.submit(spec));

    assertThat(result.exitStatus()).as(result.stderr()).isZero();
    assertThat(SubmittedJob.parse(result.stdout()).jobId()).isEqualTo("4242");
    SbatchScript script = SbatchScript.of(spec);
    assertThat(home.resolve("sbatch.stdin")).hasContent(script.text());
    List<String> expectedArgs = new java.util.ArrayList<>(List.of("--parsable", "--ignore-pbs"));
    expectedArgs.addAll(script.arguments());
    assertThat(Files.readAllLines(home.resolve("sbatch.args"))).isEqualTo(expectedArgs);
    assertThat(home.resolve("sbatch.cwd")).hasContent(home.toString());
    assertThat(home.resolve("runs/a b/$(touch " + marker + ")/.pcluster-jobs")).isDirectory();
    assertThat(Files.exists(marker)).isFalse();
  }

  @Test
  void submitFailsWithoutRunningSbatchWhenTheDirectoryCannotBeCreated() throws IOException {
    Files.writeString(home.resolve("file"), "not a directory");
    JobSpec spec = JobSpec.builder().command("true").workingDirectory("file/sub").build();
    Shell.Result result = runOnHeadNode(SlurmCommands.submit(spec));
    assertThat(result.exitStatus()).isNotZero();
    assertThat(home.resolve("sbatch.args")).doesNotExist();
  }

  @Test
  void queryCommands() {
    assertThat(SlurmCommands.describe("123_4")).isEqualTo("scontrol show job -o 123_4");
    assertThat(SlurmCommands.queueStatus(List.of("12", "13_1", "12")))
        .isEqualTo("squeue -h -t all -r -j 12,13_1 -O '" + SqueueFormat.FIELDS + "'");
    assertThat(SlurmCommands.cancel(List.of("5", "6_2"))).isEqualTo("scancel 5 6_2");
    assertThat(SlurmCommands.accounting(List.of("5")))
        .isEqualTo("sacct --parsable2 --noheader -X -j 5 --format=" + SacctFormat.FIELDS);
    assertThat(SlurmCommands.readOutput(new JobFiles("run dir"), "7", 65536))
        .isEqualTo("cd && tail -c 65536 -- 'run dir/.pcluster-jobs/7.out'");
  }

  @Test
  void rejectsAnythingButJobIds() {
    for (String bad :
        List.of("1;rm -rf /", "-1", "$(id)", "1 2", "", "12_", "_1", "1_2_3", "1.0")) {
      assertThatThrownBy(() -> SlurmCommands.queueStatus(List.of("1", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("job id must be 123 or 123_4");
      assertThatThrownBy(() -> SlurmCommands.cancel(List.of(bad)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> SlurmCommands.describe(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> SlurmCommands.queueStatus(List.of()))
        .hasMessageContaining("at least one job id");
    List<String> tooMany = IntStream.rangeClosed(1, 501).mapToObj(Integer::toString).toList();
    assertThatThrownBy(() -> SlurmCommands.queueStatus(tooMany))
        .hasMessageContaining("at most 500");
    assertThatThrownBy(() -> SlurmCommands.readOutput(new JobFiles("."), "1", 0))
        .hasMessageContaining("maxBytes");
  }

  @Test
  void readsExitCodesOfManyJobsInOneCall() throws IOException {
    JobFiles inHome = new JobFiles(".");
    JobFiles elsewhere = new JobFiles("runs/it's here");
    Files.createDirectories(home.resolve(".pcluster-jobs"));
    Files.createDirectories(home.resolve("runs/it's here/.pcluster-jobs"));
    Files.writeString(home.resolve(".pcluster-jobs/10.ec"), "0\n");
    Files.writeString(home.resolve("runs/it's here/.pcluster-jobs/11_3.ec"), "137\n");
    Files.writeString(home.resolve(".pcluster-jobs/13.ec"), "garbage; $(x)\n");
    Map<String, JobFiles> jobs = new LinkedHashMap<>();
    jobs.put("10", inHome);
    jobs.put("11_3", elsewhere);
    jobs.put("12", inHome);
    jobs.put("13", inHome);

    Shell.Result result = runOnHeadNode(SlurmCommands.readExitCodes(jobs));

    assertThat(result.exitStatus()).as(result.stderr()).isZero();
    assertThat(ExitCodeRecords.parse(result.stdout()))
        .containsExactly(
            Map.entry("10", Optional.of(ExitCode.SUCCESS)),
            Map.entry("11_3", Optional.of(new ExitCode(137, 0))),
            Map.entry("12", Optional.empty()),
            Map.entry("13", Optional.empty()));
  }

  @Test
  void readsTheTailOfTheOutput() throws IOException {
    Files.createDirectories(home.resolve(".pcluster-jobs"));
    Files.writeString(home.resolve(".pcluster-jobs/9.out"), "first line\nlast line\n");
    Shell.Result result = runOnHeadNode(SlurmCommands.readOutput(new JobFiles("."), "9", 10));
    assertThat(result.stdout()).isEqualTo("last line\n");
  }

  @Test
  void readsTheSizeAndTailOfTheOutput() throws IOException {
    Files.createDirectories(home.resolve("a 'b'/.pcluster-jobs"));
    Files.writeString(home.resolve("a 'b'/.pcluster-jobs/9.out"), "first line\nlast line\n");
    Shell.Result result =
        runOnHeadNode(SlurmCommands.readOutputTail(new JobFiles("a 'b'"), "9", 10));
    assertThat(result.stdout()).isEqualTo("21\nlast line\n");
    Shell.Result missing =
        runOnHeadNode(SlurmCommands.readOutputTail(new JobFiles("a 'b'"), "10", 10));
    assertThat(missing.exitStatus()).isNotZero();
    assertThat(missing.stdout()).isEmpty();
    assertThat(missing.stderr()).contains("No such file");
  }

  @Test
  void listsTheJobsOfOneUser() {
    assertThat(SlurmCommands.listJobs("ec2-user", Optional.empty(), false))
        .isEqualTo("squeue -h -r --user=ec2-user -O '" + SqueueFormat.FIELDS + "'");
    assertThat(SlurmCommands.listJobs("ec2-user", Optional.of("q1; rm -rf ~"), true))
        .isEqualTo(
            "squeue -h -r --user=ec2-user --partition='q1; rm -rf ~' -t all -O '"
                + SqueueFormat.FIELDS
                + "'");
  }

  @Test
  void removesTheFilesOfFinishedJobs() throws IOException {
    Path dir = Files.createDirectories(home.resolve("a b/.pcluster-jobs"));
    for (String file : List.of("5.out", "5.ec", "5.sh", "6_1.out", "7.out")) {
      Files.writeString(dir.resolve(file), "x");
    }
    JobFiles files = new JobFiles("a b");
    Map<String, JobFiles> jobs = new LinkedHashMap<>();
    jobs.put("5", files);
    jobs.put("6_1", files);
    Shell.Result result = runOnHeadNode(SlurmCommands.removeJobFiles(jobs));
    assertThat(result.exitStatus()).as(result.stderr()).isZero();
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("7.out");
    }
    assertThatThrownBy(() -> SlurmCommands.removeJobFiles(Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readExitCodesNeedsJobs() {
    assertThatThrownBy(() -> SlurmCommands.readExitCodes(Collections.emptyMap()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SlurmCommands.readExitCodes(Map.of("1;x", new JobFiles("."))))
        .hasMessageContaining("job id must be");
  }
}
