package io.camelpcluster.pcluster.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbatchScriptTest {

  @TempDir Path home;

  private Path marker() {
    return home.resolve("pwned");
  }

  /** Runs a rendered wrapper with bash the way slurmd would, minus Slurm. */
  private Shell.Result runWrapper(SbatchScript script, Map<String, String> slurmEnv)
      throws IOException {
    Path file = home.resolve("wrapper.sh");
    Files.writeString(file, script.text());
    Path bin = Files.createDirectories(home.resolve("fakebin"));
    for (String launcher : List.of("srun", "mpirun")) {
      Path fake = bin.resolve(launcher);
      Files.writeString(
          fake, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$HOME/" + launcher + ".args\"\n");
      Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Map<String, String> env = new HashMap<>(slurmEnv);
    env.put("HOME", home.toString());
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    return Shell.run(List.of("bash", file.toString()), home, env);
  }

  private static List<String> withProgram(String program, List<String> args) {
    List<String> argv = new ArrayList<>(List.of(program));
    argv.addAll(args);
    return argv;
  }

  private static Map<String, String> job(String id) {
    return Map.of("SLURM_JOB_ID", id, "SLURM_NTASKS", "8");
  }

  @Test
  void rendersDirectivesForValidatedValuesOnly() {
    JobSpec spec =
        JobSpec.builder()
            .command("hostname")
            .nodes(2)
            .ntasks(8)
            .ntasksPerNode(4)
            .cpusPerTask(2)
            .gpusPerNode(1)
            .memory("4G")
            .timeLimit("90")
            .partition("queue1")
            .account("proj")
            .qos("high")
            .array("0-15%4")
            .dependency("afterok:1:2,singleton")
            .exclusive(true)
            .name("x\"; rm -rf / #")
            .build();
    SbatchScript script = SbatchScript.of(spec);
    assertThat(script.text())
        .startsWith(
            "#!/bin/bash\n"
                + "#SBATCH --nodes=2\n"
                + "#SBATCH --ntasks=8\n"
                + "#SBATCH --ntasks-per-node=4\n"
                + "#SBATCH --cpus-per-task=2\n"
                + "#SBATCH --gpus-per-node=1\n"
                + "#SBATCH --mem=4096M\n"
                + "#SBATCH --time=01:30:00\n"
                + "#SBATCH --partition=queue1\n"
                + "#SBATCH --account=proj\n"
                + "#SBATCH --qos=high\n"
                + "#SBATCH --array=0-15%4\n"
                + "#SBATCH --dependency=afterok:1:2,singleton\n"
                + "#SBATCH --exclusive\n"
                + "# Job wrapper")
        .doesNotContain("rm -rf");
    assertThat(script.arguments())
        .containsExactly(
            "--job-name=x\"; rm -rf / #", "--chdir=.", "--output=.pcluster-jobs/%A_%a.out");
  }

  @Test
  void outputIsNamedAfterTheJobOrTheArrayTask() {
    assertThat(
            SbatchScript.of(JobSpec.builder().command("true").workingDirectory("/fsx/r").build())
                .arguments())
        .containsExactly(
            "--job-name=camel-pcluster", "--chdir=/fsx/r", "--output=.pcluster-jobs/%j.out");
  }

  @Test
  void bashAcceptsEveryRenderedScript() throws IOException {
    List<JobSpec> specs = new ArrayList<>();
    specs.add(JobSpec.builder().command("true").build());
    specs.add(
        JobSpec.builder()
            .script("#!/usr/bin/env python3\nprint('hi')\n")
            .launcher(Launcher.SRUN)
            .launcherArguments(List.of("--mpi=pmix", "it's"))
            .workingDirectory("/tmp/with space/and'quote")
            .environment("A", "multi\nline\r\nvalue'\"$(x)`y`")
            .build());
    specs.add(
        JobSpec.builder()
            .command(withProgram("printf", ShellQuoteTest.hostileValues(marker())))
            .launcher(Launcher.MPIRUN)
            .build());
    for (JobSpec spec : specs) {
      Path file = home.resolve("check.sh");
      Files.writeString(file, SbatchScript.of(spec).text());
      Shell.Result check = Shell.run(List.of("bash", "-n", file.toString()), home, Map.of());
      assertThat(check.exitStatus()).as(check.stderr()).isZero();
      assertThat(SbatchScript.of(spec).text()).doesNotContain("\r\n").doesNotContain("\0");
    }
  }

  @Test
  void aMissingWorkingDirectoryStopsTheJobBeforeItRuns() throws IOException {
    JobSpec spec =
        JobSpec.builder().command("touch", marker().toString()).workingDirectory("gone").build();
    Shell.Result run = runWrapper(SbatchScript.of(spec), job("44"));
    assertThat(run.exitStatus()).isEqualTo(1);
    assertThat(run.stderr()).contains("gone");
    assertThat(Files.exists(marker())).isFalse();
  }

  @Test
  void hostileValuesReachTheProgramExactlyAndNothingRuns() throws IOException {
    List<String> argv = new ArrayList<>(List.of("printf", "[%s]\\n"));
    argv.addAll(ShellQuoteTest.hostileValues(marker()));
    String envValue = "$(touch " + marker() + ")`touch " + marker() + "`'\"\n\r\n;|&";
    JobSpec spec =
        JobSpec.builder()
            .command(argv)
            .environment("HOSTILE", envValue)
            .environment("SECOND", "'")
            .workingDirectory("work dir/$(touch " + marker() + ")")
            .build();
    // submission creates the working directory (SlurmCommands.submit)
    Files.createDirectories(home.resolve("work dir/$(touch " + marker() + ")"));
    Shell.Result run = runWrapper(SbatchScript.of(spec), job("42"));

    StringBuilder expected = new StringBuilder();
    ShellQuoteTest.hostileValues(marker())
        .forEach(v -> expected.append('[').append(v).append("]\n"));
    assertThat(run.exitStatus()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo(expected.toString());
    Path jobDir = home.resolve("work dir/$(touch " + marker() + ")/.pcluster-jobs");
    assertThat(jobDir.resolve("42.ec")).hasContent("0");
    assertThat(Files.exists(marker())).isFalse();
  }

  @Test
  void environmentValuesAreExported() throws IOException {
    String value = "line1\nline2 'q' \"d\" $HOME `x` \\ ünï";
    JobSpec spec =
        JobSpec.builder()
            .command("sh", "-c", "printf '%s|%s' \"$HOSTILE\" \"$EMPTY\"")
            .environment("HOSTILE", value)
            .environment("EMPTY", "")
            .build();
    Shell.Result run = runWrapper(SbatchScript.of(spec), job("7"));
    assertThat(run.stdout()).isEqualTo(value + "|");
  }

  @Test
  void theUsersScriptRunsByteForByteWithItsOwnShebang() throws IOException {
    String userScript =
        "#!/bin/sh\n"
            + "# a script with its own interpreter\n"
            + "echo \"interpreter: $(readlink /proc/$$/exe | xargs basename)\"\n"
            + "cat <<'EOF'\n"
            + SbatchScript.SCRIPT_END
            + "\n"
            + "#SBATCH --time=1\n"
            + "#PBS -N x\n"
            + "'unbalanced \" quotes $(not run)\n"
            + "EOF\n"
            + "printf 'crlf\\r\\n'\r\n"
            + "exit 7\n";
    JobSpec spec = JobSpec.builder().script(userScript).workingDirectory("jobs").build();
    Files.createDirectories(home.resolve("jobs"));
    Shell.Result run = runWrapper(SbatchScript.of(spec), job("43"));

    assertThat(run.exitStatus()).as(run.stderr()).isEqualTo(7);
    Path jobDir = home.resolve("jobs/.pcluster-jobs");
    assertThat(Files.readString(jobDir.resolve("43.sh"), StandardCharsets.UTF_8))
        .isEqualTo(userScript);
    assertThat(jobDir.resolve("43.ec")).hasContent("7");
    assertThat(run.stdout())
        .contains("interpreter: dash")
        .contains(
            SbatchScript.SCRIPT_END
                + "\n#SBATCH --time=1\n#PBS -N x\n'unbalanced \" quotes $(not run)\n");
  }

  @Test
  void arrayTasksRecordUnderArrayJobIdAndTask() throws IOException {
    JobSpec spec = JobSpec.builder().command("sh", "-c", "exit 3").array("0-3").build();
    Map<String, String> env =
        Map.of("SLURM_JOB_ID", "45", "SLURM_ARRAY_JOB_ID", "40", "SLURM_ARRAY_TASK_ID", "2");
    Shell.Result run = runWrapper(SbatchScript.of(spec), env);
    assertThat(run.exitStatus()).isEqualTo(3);
    assertThat(home.resolve(".pcluster-jobs/40_2.ec")).hasContent("3");
    assertThat(home.resolve(".pcluster-jobs/45.ec")).doesNotExist();
  }

  @Test
  void launchersWrapTheProgram() throws IOException {
    JobSpec mpi =
        JobSpec.builder()
            .command("./a.out", "in put")
            .launcher(Launcher.MPIRUN)
            .launcherArguments(List.of("--bind-to", "core"))
            .build();
    runWrapper(SbatchScript.of(mpi), job("50"));
    assertThat(home.resolve("mpirun.args")).hasContent("-np\n8\n--bind-to\ncore\n./a.out\nin put");

    JobSpec srun = JobSpec.builder().script("#!/bin/sh\ntrue\n").launcher(Launcher.SRUN).build();
    runWrapper(SbatchScript.of(srun), job("51"));
    assertThat(home.resolve("srun.args"))
        .hasContent(home.resolve(".pcluster-jobs/51.sh").toString());
    assertThat(home.resolve(".pcluster-jobs/51.ec")).hasContent("0");
  }

  @Test
  void recordsTheStatusWhenSlurmSendsSigterm() throws IOException {
    // the program signals the wrapper (its parent) as scancel would, then exits on its own
    JobSpec spec = JobSpec.builder().command("sh", "-c", "kill -TERM $PPID; exit 143").build();
    Shell.Result run = runWrapper(SbatchScript.of(spec), job("60"));
    assertThat(run.exitStatus()).isEqualTo(143);
    assertThat(home.resolve(".pcluster-jobs/60.ec")).hasContent("143");
  }

  @Test
  void refusesToRenderADirectiveValueSbatchWouldTokenize() {
    StringBuilder out = new StringBuilder();
    assertThatThrownBy(() -> SbatchScript.directive(out, "partition", "q #x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("--partition");
    assertThat(out).isEmpty();
  }
}
