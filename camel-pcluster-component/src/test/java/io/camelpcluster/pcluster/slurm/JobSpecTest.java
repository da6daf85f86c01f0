package io.camelpcluster.pcluster.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobSpecTest {

  private static JobSpec.Builder command() {
    return JobSpec.builder().command("hostname");
  }

  private static List<String> problems(JobSpec.Builder builder) {
    try {
      builder.build();
    } catch (InvalidJobSpecException e) {
      return e.problems();
    }
    throw new AssertionError("expected the spec to be rejected");
  }

  private static InvalidJobSpecException invalid(UnaryOperator<JobSpec.Builder> spec) {
    try {
      spec.apply(command()).build();
    } catch (InvalidJobSpecException e) {
      return e;
    }
    throw new AssertionError("expected the spec to be rejected");
  }

  @Test
  void buildsAFullSpec() {
    JobSpec spec =
        JobSpec.builder()
            .command(List.of("./solver", "--input", "a b.dat"))
            .nodes(2)
            .ntasks(8)
            .ntasksPerNode(4)
            .cpusPerTask(2)
            .gpusPerNode(1)
            .memory("4G")
            .timeLimit("1-12:00:00")
            .partition("queue1")
            .account("proj-1")
            .qos("normal")
            .name("run 1")
            .workingDirectory("~/runs/1")
            .environment("OMP_NUM_THREADS", "2")
            .environment(Map.of("SECRET", "s3cr3t"))
            .array("0-15%4")
            .dependency("afterok:123:124_2,singleton")
            .exclusive(true)
            .launcher(Launcher.MPIRUN)
            .launcherArguments(List.of("--bind-to", "core"))
            .build();
    assertThat(spec.command()).contains(List.of("./solver", "--input", "a b.dat"));
    assertThat(spec.script()).isEmpty();
    assertThat(spec.nodes()).hasValue(2);
    assertThat(spec.memory()).contains(new MemorySize(4096));
    assertThat(spec.timeLimit()).contains(Duration.ofHours(36));
    assertThat(spec.workingDirectory()).contains("runs/1");
    assertThat(spec.dependencies())
        .extracting(JobDependency::toSlurm)
        .containsExactly("afterok:123:124_2", "singleton");
    assertThat(spec.environment()).containsEntry("OMP_NUM_THREADS", "2");
    assertThat(spec.launcherArguments()).containsExactly("--bind-to", "core");
  }

  @Test
  void toStringHidesEnvironmentValuesScriptAndArguments() {
    JobSpec spec =
        JobSpec.builder()
            .script("#!/bin/bash\necho s3cr3t-in-script\n")
            .environment("TOKEN", "s3cr3t-token")
            .build();
    assertThat(spec.toString())
        .contains("TOKEN", "script(")
        .doesNotContain("s3cr3t-token", "s3cr3t-in-script");
  }

  @Test
  void defaultsAreSlurmDefaults() {
    JobSpec spec = command().build();
    assertThat(spec.name()).isEqualTo(JobSpec.DEFAULT_NAME);
    assertThat(spec.nodes()).isEmpty();
    assertThat(spec.workingDirectory()).isEmpty();
    assertThat(spec.launcher()).isEqualTo(Launcher.NONE);
    assertThat(spec.exclusive()).isFalse();
  }

  @Test
  void homeRelativeWorkingDirectories() {
    assertThat(command().workingDirectory("~").build().workingDirectory()).contains(".");
    assertThat(command().workingDirectory("~/").build().workingDirectory()).contains(".");
    assertThat(command().workingDirectory("/fsx/run").build().workingDirectory())
        .contains("/fsx/run");
    assertThat(invalid(b -> b.workingDirectory("~root/x")).problems())
        .containsExactly("workingDirectory: only '~' and '~/' are understood, not '~user'");
  }

  @Test
  void requiresExactlyOneProgram() {
    assertThatThrownBy(() -> JobSpec.builder().build())
        .isInstanceOf(InvalidJobSpecException.class)
        .hasMessage("invalid job: script/command: one of them is required");
    assertThat(invalid(b -> b.script("#!/bin/sh\ntrue\n")).problems())
        .containsExactly("script/command: give one of them, not both");
    assertThat(problems(JobSpec.builder().script(" \n\t")))
        .containsExactly("script: must not be empty");
    assertThat(invalid(b -> b.command(List.of())).problems())
        .containsExactly("command: the program (first element) must not be empty");
    assertThat(invalid(b -> b.command("", "x")).problems())
        .containsExactly("command: the program (first element) must not be empty");
    assertThat(invalid(b -> b.command("echo", null)).problems())
        .containsExactly("command: argument 1 is null");
    assertThat(invalid(b -> b.command("echo", "a\0b")).problems())
        .containsExactly("command: argument 1 contains a NUL character");
  }

  @Test
  void rejectsScriptsWhoseDirectivesWouldBeIgnored() {
    String script = "#!/bin/bash\n\n# my job\n#SBATCH --time=10\nsrun hostname\n";
    assertThat(problems(JobSpec.builder().script(script)))
        .singleElement()
        .asString()
        .startsWith("script: line 4 is an #SBATCH directive");
    // after the first command, #SBATCH is just a comment, as sbatch sees it
    JobSpec.builder().script("#!/bin/bash\necho hi\n#SBATCH --time=10\n").build();
    // an indented directive is a comment to sbatch too
    JobSpec.builder().script("#!/bin/bash\n  #SBATCH --time=10\necho\n").build();
  }

  @Test
  void rejectsOversizedInput() {
    String big = "x".repeat(JobSpec.MAX_SCRIPT_BYTES);
    assertThat(problems(JobSpec.builder().script("#!/bin/sh\n" + big)))
        .containsExactly("script: must be at most 1048576 bytes");
    assertThat(invalid(b -> b.command("echo", "é".repeat(70_000))).problems())
        .containsExactly("command: argument 1 is longer than 131071 bytes");
    assertThat(invalid(b -> b.name("n".repeat(256))).problems())
        .containsExactly("name: must be at most 255 bytes");
    assertThat(invalid(b -> b.environment("BIG", "v".repeat(200_000))).problems())
        .containsExactly("environment[BIG]: longer than 131071 bytes");
  }

  @Test
  void tenKilobyteValuesAreFine() {
    String tenK = "v".repeat(10 * 1024);
    JobSpec spec = command().environment("V", tenK).command("echo", tenK).build();
    assertThat(spec.environment().get("V")).hasSize(10 * 1024);
  }

  @Test
  void rejectsBadCounts() {
    InvalidJobSpecException e =
        invalid(b -> b.nodes(0).ntasks(-1).ntasksPerNode(0).cpusPerTask(-5).gpusPerNode(0));
    assertThat(e.problems())
        .containsExactly(
            "nodes: must be at least 1, was 0",
            "ntasks: must be at least 1, was -1",
            "ntasksPerNode: must be at least 1, was 0",
            "cpusPerTask: must be at least 1, was -5",
            "gpusPerNode: must be at least 1, was 0");
    assertThat(invalid(b -> b.nodes(4).ntasks(2)).problems())
        .containsExactly("ntasks: must be at least the number of nodes (4), was 2");
    assertThat(invalid(b -> b.nodes(2).ntasksPerNode(4).ntasks(9)).problems())
        .containsExactly("ntasks: 9 tasks do not fit on 2 nodes with 4 tasks per node");
    command().nodes(2).ntasksPerNode(4).ntasks(8).build();
  }

  @Test
  void rejectsBadMemoryAndTime() {
    assertThat(invalid(b -> b.memory("1.5G")).problems())
        .singleElement()
        .asString()
        .startsWith("memory: '1.5G' is not a memory size");
    assertThat(invalid(b -> b.memory("0")).problems())
        .singleElement()
        .asString()
        .startsWith("memory: must be between 1M");
    assertThat(invalid(b -> b.timeLimit("90:75")).problems())
        .containsExactly("timeLimit: '90:75' is not a Slurm time: seconds must be 0-59");
    assertThat(invalid(b -> b.timeLimit("soon")).problems())
        .singleElement()
        .asString()
        .startsWith("timeLimit: 'soon' is not a Slurm time");
    assertThat(invalid(b -> b.timeLimit("UNLIMITED")).problems())
        .singleElement()
        .asString()
        .contains("partition's default");
    assertThat(invalid(b -> b.timeLimit(Duration.ZERO)).problems())
        .containsExactly("timeLimit: must be positive, was PT0S");
    assertThat(invalid(b -> b.timeLimit(Duration.ofMinutes(-1))).problems())
        .containsExactly("timeLimit: must be positive, was PT-1M");
  }

  @ParameterizedTest
  @ValueSource(strings = {"q 1", "q;rm", "-q", "q\n", "", "q'", "ü"})
  void rejectsBadSlurmNames(String name) {
    assertThat(invalid(b -> b.partition(name).account(name).qos(name)).problems())
        .hasSize(3)
        .allMatch(p -> p.contains("must be 1-128 letters, digits"));
  }

  @Test
  void jobNamesMayBeHostileButNotMultiline() {
    String hostile = "x\"; rm -rf / # $(touch /tmp/pwned) `id` 'q' ünï";
    assertThat(command().name(hostile).build().name()).isEqualTo(hostile);
    assertThat(invalid(b -> b.name("a\nb")).problems())
        .containsExactly("name: must not contain control characters (newline, tab, NUL, ...)");
    assertThat(invalid(b -> b.name("a\0b")).problems()).hasSize(1);
    assertThat(invalid(b -> b.name("a\tb")).problems()).hasSize(1);
    assertThat(invalid(b -> b.name(" ")).problems()).containsExactly("name: must not be blank");
    assertThat(invalid(b -> b.workingDirectory("/tmp/a\nb")).problems())
        .containsExactly(
            "workingDirectory: must not contain control characters (newline, tab, NUL, ...)");
  }

  @Test
  void rejectsNamesAndPathsThatImitateSlurmFields() {
    assertThat(invalid(b -> b.name("evil JobState=COMPLETED")).problems())
        .singleElement()
        .asString()
        .startsWith("name: must not contain a blank followed by KEY=");
    assertThat(invalid(b -> b.workingDirectory("/tmp/x UserId=root(0)")).problems())
        .singleElement()
        .asString()
        .startsWith("workingDirectory: must not contain a blank followed by KEY=");
    assertThat(command().name("lr=0.01,bs=32").build().name()).isEqualTo("lr=0.01,bs=32");
  }

  @Test
  void checksEnvironmentNamesAndValues() {
    assertThat(invalid(b -> b.environment("1X", "v")).problems())
        .containsExactly("environment: name '1X' must match [A-Za-z_][A-Za-z0-9_]*");
    assertThat(invalid(b -> b.environment("A-B", "v")).problems()).hasSize(1);
    assertThat(invalid(b -> b.environment("X;rm", "v")).problems()).hasSize(1);
    assertThat(invalid(b -> b.environment("", "v")).problems()).hasSize(1);
    assertThat(invalid(b -> b.environment("__pcluster_key", "v")).problems())
        .containsExactly(
            "environment[__pcluster_key]: names starting with __pcluster_ are reserved");
    assertThat(invalid(b -> b.environment("SHELLOPTS", "v")).problems())
        .containsExactly("environment[SHELLOPTS]: is read-only in bash");
    assertThat(invalid(b -> b.environment("V", null)).problems())
        .containsExactly("environment[V]: value is null");
    assertThat(invalid(b -> b.environment("V", "a\0")).problems())
        .containsExactly("environment[V]: value contains a NUL character");
    JobSpec ok = command().environment("_x9", "$(touch /tmp/pwned)\n'\"").build();
    assertThat(ok.environment()).containsEntry("_x9", "$(touch /tmp/pwned)\n'\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0-15%4", "1,3,5", "0-20:4", "7", "0-3,8-11:2%2"})
  void acceptsSlurmArraySyntax(String array) {
    assertThat(command().array(array).build().array()).contains(array);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "%4", "a-b", "1-", "-1", "1,,2", "1-3%", "1 - 3", "1;2", "1-3%4%5"})
  void rejectsMalformedArrays(String array) {
    assertThat(invalid(b -> b.array(array)).problems())
        .singleElement()
        .asString()
        .startsWith("array: ");
  }

  @Test
  void rejectsInconsistentArrays() {
    assertThat(invalid(b -> b.array("5-1")).problems())
        .containsExactly("array: range '5-1' ends before it starts");
    assertThat(invalid(b -> b.array("0-10:0")).problems())
        .containsExactly("array: step in '0-10:0' must be at least 1");
    assertThat(invalid(b -> b.array("0-10%0")).problems())
        .containsExactly("array: the %limit must be at least 1");
  }

  @Test
  void checksDependencies() {
    assertThat(invalid(b -> b.dependency("afterok")).problems())
        .containsExactly("dependency: 'afterok' needs job ids");
    assertThat(invalid(b -> b.dependency("afterok:12a")).problems())
        .singleElement()
        .asString()
        .contains("invalid job id '12a'");
    assertThat(invalid(b -> b.dependency("whenever:1")).problems())
        .singleElement()
        .asString()
        .contains("unknown condition 'whenever'");
    assertThat(invalid(b -> b.dependency("afterok:1?afterany:2")).problems())
        .singleElement()
        .asString()
        .contains("only ','-separated");
    assertThat(invalid(b -> b.dependency("afterok:1;touch /tmp/x")).problems()).hasSize(1);
    assertThat(command().dependency("after:5+10").build().dependencies())
        .containsExactly(JobDependency.of(JobDependency.Kind.AFTER, "5+10"));
  }

  @Test
  void launcherArgumentsNeedALauncher() {
    assertThat(invalid(b -> b.launcherArguments(List.of("-x"))).problems())
        .containsExactly("launcherArguments: only with launcher SRUN or MPIRUN");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    InvalidJobSpecException e =
        invalid(b -> b.nodes(0).memory("lots").name("a\nb").environment("9", "v").array("x"));
    assertThat(e.problems()).hasSize(5);
    assertThat(e.getMessage()).startsWith("invalid job: nodes: must be at least 1");
  }
}
