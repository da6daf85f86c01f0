package io.camelpcluster.pcluster.slurm;

import static io.camelpcluster.pcluster.slurm.JobSpec.MAX_ARGUMENT_BYTES;
import static io.camelpcluster.pcluster.slurm.JobSpec.MAX_NAME_BYTES;
import static io.camelpcluster.pcluster.slurm.JobSpec.MAX_PATH_BYTES;
import static io.camelpcluster.pcluster.slurm.JobSpec.MAX_SCRIPT_BYTES;
import static io.camelpcluster.pcluster.slurm.JobSpec.MAX_TOTAL_BYTES;
import static io.camelpcluster.pcluster.slurm.JobSpec.RESERVED_PREFIX;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a {@link JobSpec} must follow before it may reach a head node; each problem names the
 * field and the rule it breaks.
 */
final class JobSpecValidator {

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> BASH_READONLY =
      Set.of("BASHOPTS", "BASH_VERSINFO", "EUID", "PPID", "SHELLOPTS", "UID");
  private static final Pattern SLURM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,127}");
  private static final Pattern FIELD_LIKE = Pattern.compile("\\s[A-Za-z][A-Za-z0-9_:/.]*=");
  private static final Pattern ARRAY_RANGE =
      Pattern.compile("(\\d{1,9})(?:-(\\d{1,9})(?::(\\d{1,9}))?)?");
  private static final Pattern ARRAY_THROTTLE = Pattern.compile("(.*)%(\\d{1,9})");
  private static final int MAX_ARRAY_LENGTH = 1024;

  private JobSpecValidator() {}

  /** Every problem of the candidate spec; empty when it may be submitted. */
  static List<String> problems(JobSpec spec) {
    List<String> problems = new ArrayList<>();
    checkProgram(spec, problems);
    checkCounts(spec, problems);
    spec.timeLimit()
        .filter(t -> t.isNegative() || t.isZero())
        .ifPresent(t -> problems.add("timeLimit: must be positive, was " + t));
    checkSlurmName(problems, "partition", spec.partition());
    checkSlurmName(problems, "account", spec.account());
    checkSlurmName(problems, "qos", spec.qos());
    checkText(problems, "name", spec.name(), MAX_NAME_BYTES);
    spec.workingDirectory().ifPresent(dir -> checkWorkingDirectory(dir, problems));
    checkEnvironment(spec.environment(), problems);
    spec.array().ifPresent(array -> checkArray(array, problems));
    checkLauncher(spec, problems);
    return problems;
  }

  private static void checkProgram(JobSpec spec, List<String> problems) {
    Optional<String> script = spec.script();
    Optional<List<String>> command = spec.command();
    if (script.isEmpty() && command.isEmpty()) {
      problems.add("script/command: one of them is required");
    } else if (script.isPresent() && command.isPresent()) {
      problems.add("script/command: give one of them, not both");
    } else if (script.isPresent()) {
      checkScript(script.get(), problems);
    } else {
      checkCommand(command.get(), problems);
    }
  }

  private static void checkScript(String script, List<String> problems) {
    if (script.isBlank()) {
      problems.add("script: must not be empty");
      return;
    }
    if (script.indexOf('\0') >= 0) {
      problems.add("script: must not contain NUL characters");
    }
    if (utf8Length(script) > MAX_SCRIPT_BYTES) {
      problems.add("script: must be at most " + MAX_SCRIPT_BYTES + " bytes");
      return;
    }
    // sbatch reads directives from the leading comment block only, as this loop does
    int lineNumber = 0;
    for (String line : script.split("\n", -1)) {
      lineNumber++;
      if (line.startsWith("#SBATCH") || line.startsWith("#SLURM")) {
        problems.add(
            "script: line "
                + lineNumber
                + " is an #SBATCH directive, which would not be applied; set the resources on"
                + " the job instead");
        return;
      }
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        return;
      }
    }
  }

  private static void checkCommand(List<String> command, List<String> problems) {
    if (command.isEmpty() || command.get(0) == null || command.get(0).isBlank()) {
      problems.add("command: the program (first element) must not be empty");
      return;
    }
    long total = 0;
    for (int i = 0; i < command.size(); i++) {
      String arg = command.get(i);
      if (arg == null) {
        problems.add("command: argument " + i + " is null");
        continue;
      }
      if (arg.indexOf('\0') >= 0) {
        problems.add("command: argument " + i + " contains a NUL character");
      }
      int bytes = utf8Length(arg);
      if (bytes > MAX_ARGUMENT_BYTES) {
        problems.add("command: argument " + i + " is longer than " + MAX_ARGUMENT_BYTES + " bytes");
      }
      total += bytes + 1;
    }
    if (total > MAX_TOTAL_BYTES) {
      problems.add("command: longer than " + MAX_TOTAL_BYTES + " bytes in total");
    }
  }

  private static void checkCounts(JobSpec spec, List<String> problems) {
    atLeastOne(problems, "nodes", spec.nodes());
    atLeastOne(problems, "ntasks", spec.ntasks());
    atLeastOne(problems, "ntasksPerNode", spec.ntasksPerNode());
    atLeastOne(problems, "cpusPerTask", spec.cpusPerTask());
    atLeastOne(problems, "gpusPerNode", spec.gpusPerNode());
    int nodes = spec.nodes().orElse(0);
    int ntasks = spec.ntasks().orElse(0);
    int perNode = spec.ntasksPerNode().orElse(0);
    if (nodes > 0 && ntasks > 0 && ntasks < nodes) {
      problems.add("ntasks: must be at least the number of nodes (" + nodes + "), was " + ntasks);
    }
    if (nodes > 0 && ntasks > 0 && perNode > 0 && (long) nodes * perNode < ntasks) {
      problems.add(
          "ntasks: "
              + ntasks
              + " tasks do not fit on "
              + nodes
              + " nodes with "
              + perNode
              + " tasks per node");
    }
  }

  private static void atLeastOne(List<String> problems, String field, OptionalInt value) {
    if (value.isPresent() && value.getAsInt() < 1) {
      problems.add(field + ": must be at least 1, was " + value.getAsInt());
    }
  }

  private static void checkSlurmName(List<String> problems, String field, Optional<String> value) {
    if (value.isPresent() && !SLURM_NAME.matcher(value.get()).matches()) {
      problems.add(
          field
              + ": must be 1-128 letters, digits, '_', '.', '+' or '-', starting with a letter"
              + " or digit");
    }
  }

  private static void checkText(List<String> problems, String field, String value, int maxBytes) {
    if (value.isBlank()) {
      problems.add(field + ": must not be blank");
      return;
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      problems.add(field + ": must not contain control characters (newline, tab, NUL, ...)");
    }
    if (utf8Length(value) > maxBytes) {
      problems.add(field + ": must be at most " + maxBytes + " bytes");
    }
    if (FIELD_LIKE.matcher(value).find()) {
      problems.add(
          field
              + ": must not contain a blank followed by KEY= (like ' JobState='), which Slurm's"
              + " job listings could not tell apart from their own fields");
    }
  }

  private static void checkWorkingDirectory(String directory, List<String> problems) {
    checkText(problems, "workingDirectory", directory, MAX_PATH_BYTES);
    if (directory.startsWith("~")) {
      problems.add("workingDirectory: only '~' and '~/' are understood, not '~user'");
    }
  }

  private static void checkEnvironment(Map<String, String> environment, List<String> problems) {
    long total = 0;
    for (Map.Entry<String, String> e : environment.entrySet()) {
      String var = e.getKey();
      String value = e.getValue();
      if (var == null || !ENV_NAME.matcher(var).matches()) {
        problems.add("environment: name '" + var + "' must match [A-Za-z_][A-Za-z0-9_]*");
        continue;
      }
      if (var.startsWith(RESERVED_PREFIX)) {
        problems.add(
            "environment[" + var + "]: names starting with " + RESERVED_PREFIX + " are reserved");
      }
      if (BASH_READONLY.contains(var)) {
        problems.add("environment[" + var + "]: is read-only in bash");
      }
      if (value == null) {
        problems.add("environment[" + var + "]: value is null");
        continue;
      }
      if (value.indexOf('\0') >= 0) {
        problems.add("environment[" + var + "]: value contains a NUL character");
      }
      int bytes = utf8Length(var) + 1 + utf8Length(value);
      if (bytes > MAX_ARGUMENT_BYTES) {
        problems.add("environment[" + var + "]: longer than " + MAX_ARGUMENT_BYTES + " bytes");
      }
      total += bytes + 1;
    }
    if (total > MAX_TOTAL_BYTES) {
      problems.add("environment: longer than " + MAX_TOTAL_BYTES + " bytes in total");
    }
  }

  private static void checkArray(String array, List<String> problems) {
    if (array.length() > MAX_ARRAY_LENGTH) {
      problems.add("array: must be at most " + MAX_ARRAY_LENGTH + " characters");
      return;
    }
    String rule =
        "array: '"
            + (array.length() > 64 ? array.substring(0, 64) + "..." : array)
            + "' must be indexes or ranges separated by commas, with an optional step and"
            + " %limit (e.g. 0-15%4, 1,3,5, 0-20:4)";
    String ranges = array;
    Matcher throttle = ARRAY_THROTTLE.matcher(array);
    if (throttle.matches()) {
      ranges = throttle.group(1);
      if (Long.parseLong(throttle.group(2)) < 1) {
        problems.add("array: the %limit must be at least 1");
      }
    }
    if (ranges.isEmpty()) {
      problems.add(rule);
      return;
    }
    for (String range : ranges.split(",", -1)) {
      Matcher m = ARRAY_RANGE.matcher(range);
      if (!m.matches()) {
        problems.add(rule);
        return;
      }
      if (m.group(2) != null && Long.parseLong(m.group(2)) < Long.parseLong(m.group(1))) {
        problems.add("array: range '" + range + "' ends before it starts");
      }
      if (m.group(3) != null && Long.parseLong(m.group(3)) < 1) {
        problems.add("array: step in '" + range + "' must be at least 1");
      }
    }
  }

  private static void checkLauncher(JobSpec spec, List<String> problems) {
    List<String> arguments = spec.launcherArguments();
    if (spec.launcher() == Launcher.NONE && !arguments.isEmpty()) {
      problems.add("launcherArguments: only with launcher SRUN or MPIRUN");
    }
    for (int i = 0; i < arguments.size(); i++) {
      String arg = arguments.get(i);
      if (arg == null || arg.indexOf('\0') >= 0 || utf8Length(arg) > MAX_ARGUMENT_BYTES) {
        problems.add("launcherArguments: argument " + i + " is null, contains NUL or is too long");
      }
    }
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
