package io.camelpcluster.pcluster.slurm;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to run on a cluster and with which resources: a script or a command, the Slurm resources it
 * needs, and where and how to run it. Immutable; built and validated by {@link Builder#build()},
 * which rejects anything that must not reach a head node, naming the field and the rule.
 *
 * <p>Exactly one of {@linkplain Builder#script(String) script} (the text of a batch script, shebang
 * included, run unmodified) or {@linkplain Builder#command(List) command} (an argv list) is given.
 * {@code #SBATCH} directives inside a script would not be applied, so a script that starts with
 * them is rejected: resources belong on the spec.
 *
 * <p>The working directory is absolute or relative to the user's home ({@code ~} and {@code ~/} are
 * understood, no other expansion happens) and is created on submission; the home directory is used
 * when none is given. It must be on a file system the compute nodes share with the head node, as
 * {@code /home} is on ParallelCluster: the job writes its output and exit code under it.
 */
public final class JobSpec {

  /** Largest script accepted, in UTF-8 bytes (Slurm's default limit is 4 MB). */
  public static final int MAX_SCRIPT_BYTES = 1024 * 1024;

  /** Largest single command argument or {@code NAME=value} pair (Linux's per-string limit). */
  public static final int MAX_ARGUMENT_BYTES = 128 * 1024 - 1;

  /** Largest command line or environment in total, in UTF-8 bytes. */
  public static final int MAX_TOTAL_BYTES = 1024 * 1024;

  /** Longest job name, in UTF-8 bytes (what Slurm's accounting keeps). */
  public static final int MAX_NAME_BYTES = 255;

  /** Longest working directory, in UTF-8 bytes. */
  public static final int MAX_PATH_BYTES = 4095;

  /** The name given to jobs that have none. */
  public static final String DEFAULT_NAME = "camel-pcluster";

  /** Prefix of the job wrapper's own shell variables; environment names may not use it. */
  static final String RESERVED_PREFIX = "__pcluster_";

  private static final Pattern FIELD_LIKE = Pattern.compile("\\s[A-Za-z][A-Za-z0-9_:/.]*=");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> BASH_READONLY =
      Set.of("BASHOPTS", "BASH_VERSINFO", "EUID", "PPID", "SHELLOPTS", "UID");
  private static final Pattern SLURM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,127}");
  private static final Pattern ARRAY_RANGE =
      Pattern.compile("(\\d{1,9})(?:-(\\d{1,9})(?::(\\d{1,9}))?)?");
  private static final Pattern ARRAY_THROTTLE = Pattern.compile("(.*)%(\\d{1,9})");

  private final String script;
  private final List<String> command;
  private final Integer nodes;
  private final Integer ntasks;
  private final Integer ntasksPerNode;
  private final Integer cpusPerTask;
  private final Integer gpusPerNode;
  private final MemorySize memory;
  private final Duration timeLimit;
  private final String partition;
  private final String account;
  private final String qos;
  private final String name;
  private final String workingDirectory;
  private final Map<String, String> environment;
  private final String array;
  private final List<JobDependency> dependencies;
  private final boolean exclusive;
  private final Launcher launcher;
  private final List<String> launcherArguments;

  private JobSpec(Builder b, MemorySize memory, Duration timeLimit, List<JobDependency> deps) {
    this.script = b.script;
    this.command = b.command == null ? null : List.copyOf(b.command);
    this.nodes = b.nodes;
    this.ntasks = b.ntasks;
    this.ntasksPerNode = b.ntasksPerNode;
    this.cpusPerTask = b.cpusPerTask;
    this.gpusPerNode = b.gpusPerNode;
    this.memory = memory;
    this.timeLimit = timeLimit;
    this.partition = b.partition;
    this.account = b.account;
    this.qos = b.qos;
    this.name = b.name == null ? DEFAULT_NAME : b.name;
    this.workingDirectory = b.workingDirectory == null ? null : homeRelative(b.workingDirectory);
    this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
    this.array = b.array;
    this.dependencies = List.copyOf(deps);
    this.exclusive = b.exclusive;
    this.launcher = b.launcher;
    this.launcherArguments = List.copyOf(b.launcherArguments);
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The batch script text, when the job runs a script. */
  public Optional<String> script() {
    return Optional.ofNullable(script);
  }

  /** The command and its arguments, when the job runs a command. */
  public Optional<List<String>> command() {
    return Optional.ofNullable(command);
  }

  /** Number of nodes ({@code --nodes}). */
  public OptionalInt nodes() {
    return optional(nodes);
  }

  /** Number of tasks ({@code --ntasks}). */
  public OptionalInt ntasks() {
    return optional(ntasks);
  }

  /** Tasks per node ({@code --ntasks-per-node}). */
  public OptionalInt ntasksPerNode() {
    return optional(ntasksPerNode);
  }

  /** CPUs per task ({@code --cpus-per-task}). */
  public OptionalInt cpusPerTask() {
    return optional(cpusPerTask);
  }

  /** GPUs per node ({@code --gpus-per-node}). */
  public OptionalInt gpusPerNode() {
    return optional(gpusPerNode);
  }

  /** Memory per node ({@code --mem}). */
  public Optional<MemorySize> memory() {
    return Optional.ofNullable(memory);
  }

  /** Time limit ({@code --time}); the partition's default when empty. */
  public Optional<Duration> timeLimit() {
    return Optional.ofNullable(timeLimit);
  }

  /** Slurm partition, i.e. the ParallelCluster queue ({@code --partition}). */
  public Optional<String> partition() {
    return Optional.ofNullable(partition);
  }

  /** Account to charge ({@code --account}). */
  public Optional<String> account() {
    return Optional.ofNullable(account);
  }

  /** Quality of service ({@code --qos}). */
  public Optional<String> qos() {
    return Optional.ofNullable(qos);
  }

  /** Job name ({@code --job-name}); {@value #DEFAULT_NAME} unless given. */
  public String name() {
    return name;
  }

  /**
   * Working directory, absolute or relative to the user's home, {@code ~} already removed; the home
   * directory when empty.
   */
  public Optional<String> workingDirectory() {
    return Optional.ofNullable(workingDirectory);
  }

  /** Environment variables exported to the job, in the order given. */
  public Map<String, String> environment() {
    return environment;
  }

  /** Array index specification ({@code --array}), e.g. {@code 0-15%4}. */
  public Optional<String> array() {
    return Optional.ofNullable(array);
  }

  /** Dependencies, all of which must be satisfied ({@code --dependency}). */
  public List<JobDependency> dependencies() {
    return dependencies;
  }

  /** Whether the job needs its nodes to itself ({@code --exclusive}). */
  public boolean exclusive() {
    return exclusive;
  }

  /** How the program is started. */
  public Launcher launcher() {
    return launcher;
  }

  /** Extra arguments for {@code srun} or {@code mpirun}, placed before the program. */
  public List<String> launcherArguments() {
    return launcherArguments;
  }

  /**
   * Describes the spec without the script, arguments or environment values, which may be secret.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("JobSpec[name=").append(name);
    s.append(
        script != null
            ? ", script(" + script.length() + " chars)"
            : ", command(" + command.size() + " args)");
    appendIf(s, "nodes", nodes);
    appendIf(s, "ntasks", ntasks);
    appendIf(s, "ntasksPerNode", ntasksPerNode);
    appendIf(s, "cpusPerTask", cpusPerTask);
    appendIf(s, "gpusPerNode", gpusPerNode);
    appendIf(s, "memory", memory == null ? null : memory.toSlurm());
    appendIf(s, "timeLimit", timeLimit);
    appendIf(s, "partition", partition);
    appendIf(s, "account", account);
    appendIf(s, "qos", qos);
    appendIf(s, "workingDirectory", workingDirectory);
    if (!environment.isEmpty()) {
      s.append(", environment=").append(environment.keySet());
    }
    appendIf(s, "array", array);
    if (!dependencies.isEmpty()) {
      s.append(", dependencies=")
          .append(dependencies.stream().map(JobDependency::toSlurm).toList());
    }
    if (exclusive) {
      s.append(", exclusive");
    }
    return s.append(", launcher=").append(launcher).append(']').toString();
  }

  private static void appendIf(StringBuilder s, String field, Object value) {
    if (value != null) {
      s.append(", ").append(field).append('=').append(value);
    }
  }

  private static OptionalInt optional(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  private static String homeRelative(String path) {
    String p = path.strip();
    if (p.equals("~")) {
      return ".";
    }
    return p.startsWith("~/") ? (p.length() == 2 ? "." : p.substring(2)) : p;
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Builds and validates a {@link JobSpec}. Not thread-safe. */
  public static final class Builder {
    private String script;
    private List<String> command;
    private Integer nodes;
    private Integer ntasks;
    private Integer ntasksPerNode;
    private Integer cpusPerTask;
    private Integer gpusPerNode;
    private MemorySize memory;
    private String memoryText;
    private Duration timeLimit;
    private String timeLimitText;
    private String partition;
    private String account;
    private String qos;
    private String name;
    private String workingDirectory;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String array;
    private final List<JobDependency> dependencies = new ArrayList<>();
    private String dependencyText;
    private boolean exclusive;
    private Launcher launcher = Launcher.NONE;
    private List<String> launcherArguments = List.of();

    private Builder() {}

    /** The batch script to run, shebang included (e.g. {@code #!/bin/bash}). */
    public Builder script(String script) {
      this.script = script;
      return this;
    }

    /** The command to run: the program followed by its arguments. */
    public Builder command(List<String> argv) {
      this.command = argv == null ? null : new ArrayList<>(argv);
      return this;
    }

    /** The command to run: the program followed by its arguments. */
    public Builder command(String... argv) {
      return command(argv == null ? null : java.util.Arrays.asList(argv));
    }

    public Builder nodes(int nodes) {
      this.nodes = nodes;
      return this;
    }

    public Builder ntasks(int ntasks) {
      this.ntasks = ntasks;
      return this;
    }

    public Builder ntasksPerNode(int ntasksPerNode) {
      this.ntasksPerNode = ntasksPerNode;
      return this;
    }

    public Builder cpusPerTask(int cpusPerTask) {
      this.cpusPerTask = cpusPerTask;
      return this;
    }

    public Builder gpusPerNode(int gpusPerNode) {
      this.gpusPerNode = gpusPerNode;
      return this;
    }

    /** Memory per node. */
    public Builder memory(MemorySize memory) {
      this.memory = memory;
      this.memoryText = null;
      return this;
    }

    /** Memory per node in Slurm notation, e.g. {@code 4G} or {@code 512M}. */
    public Builder memory(String memory) {
      this.memoryText = memory;
      this.memory = null;
      return this;
    }

    public Builder timeLimit(Duration timeLimit) {
      this.timeLimit = timeLimit;
      this.timeLimitText = null;
      return this;
    }

    /** Time limit in Slurm notation, e.g. {@code 30}, {@code 01:30:00} or {@code 2-00}. */
    public Builder timeLimit(String timeLimit) {
      this.timeLimitText = timeLimit;
      this.timeLimit = null;
      return this;
    }

    /** The Slurm partition, i.e. the ParallelCluster queue name. */
    public Builder partition(String partition) {
      this.partition = partition;
      return this;
    }

    public Builder account(String account) {
      this.account = account;
      return this;
    }

    public Builder qos(String qos) {
      this.qos = qos;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder workingDirectory(String workingDirectory) {
      this.workingDirectory = workingDirectory;
      return this;
    }

    /** Adds (or replaces) one environment variable. */
    public Builder environment(String name, String value) {
      environment.put(name, value);
      return this;
    }

    /** Adds (or replaces) environment variables, in the map's iteration order. */
    public Builder environment(Map<String, String> variables) {
      environment.putAll(variables);
      return this;
    }

    /** Array indexes, e.g. {@code 0-15%4}, {@code 1,3,5} or {@code 0-20:4}. */
    public Builder array(String array) {
      this.array = array;
      return this;
    }

    /** Adds one dependency. */
    public Builder dependency(JobDependency dependency) {
      dependencies.add(Objects.requireNonNull(dependency, "dependency"));
      return this;
    }

    /** Adds dependencies in Slurm notation, e.g. {@code afterok:123:124,afterany:125}. */
    public Builder dependency(String dependencies) {
      this.dependencyText = dependencies;
      return this;
    }

    public Builder exclusive(boolean exclusive) {
      this.exclusive = exclusive;
      return this;
    }

    public Builder launcher(Launcher launcher) {
      this.launcher = Objects.requireNonNull(launcher, "launcher");
      return this;
    }

    /** Extra arguments for the launcher, e.g. {@code --mpi=pmix} or {@code --bind-to core}. */
    public Builder launcherArguments(List<String> arguments) {
      this.launcherArguments = arguments == null ? List.of() : new ArrayList<>(arguments);
      return this;
    }

    /**
     * Validates and builds the spec.
     *
     * @throws InvalidJobSpecException listing every problem found
     */
    public JobSpec build() {
      List<String> problems = new ArrayList<>();
      checkProgram(problems);
      checkCounts(problems);
      MemorySize mem =
          memory != null
              ? memory
              : parsed(problems, "memory", memoryText, () -> MemorySize.parse(memoryText));
      Duration time = timeLimit;
      if (timeLimitText != null) {
        time =
            parsed(
                problems,
                "timeLimit",
                timeLimitText,
                () ->
                    SlurmDuration.parse(timeLimitText)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "'"
                                        + timeLimitText
                                        + "' is not a limit; leave the time limit"
                                        + " out to get the partition's default")));
      }
      if (time != null && (time.isNegative() || time.isZero())) {
        problems.add("timeLimit: must be positive, was " + time);
        time = null;
      }
      checkSlurmName(problems, "partition", partition);
      checkSlurmName(problems, "account", account);
      checkSlurmName(problems, "qos", qos);
      checkText(problems, "name", name, MAX_NAME_BYTES);
      checkWorkingDirectory(problems);
      checkEnvironment(problems);
      checkArray(problems);
      List<JobDependency> deps = new ArrayList<>(dependencies);
      if (dependencyText != null) {
        List<JobDependency> parsedDeps =
            parsed(
                problems,
                "dependency",
                dependencyText,
                () -> JobDependency.parseList(dependencyText));
        if (parsedDeps != null) {
          deps.addAll(parsedDeps);
        }
      }
      checkLauncher(problems);
      if (!problems.isEmpty()) {
        throw new InvalidJobSpecException(problems);
      }
      return new JobSpec(this, mem, time, deps);
    }

    private static <T> T parsed(
        List<String> problems, String field, String text, Supplier<T> parse) {
      if (text == null) {
        return null;
      }
      try {
        return parse.get();
      } catch (IllegalArgumentException e) {
        problems.add(field + ": " + e.getMessage());
        return null;
      }
    }

    private void checkProgram(List<String> problems) {
      if (script == null && command == null) {
        problems.add("script/command: one of them is required");
        return;
      }
      if (script != null && command != null) {
        problems.add("script/command: give one of them, not both");
        return;
      }
      if (script != null) {
        checkScript(problems);
      } else {
        checkCommand(problems);
      }
    }

    private void checkScript(List<String> problems) {
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
      int lineNumber = 0;
      for (String line : script.split("\n", -1)) {
        lineNumber++;
        String trimmed = line.strip();
        if (line.startsWith("#SBATCH") || line.startsWith("#SLURM")) {
          problems.add(
              "script: line "
                  + lineNumber
                  + " is an #SBATCH directive, which would not be applied; set the resources on"
                  + " the job instead");
          return;
        }
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          return;
        }
      }
    }

    private void checkCommand(List<String> problems) {
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
          problems.add(
              "command: argument " + i + " is longer than " + MAX_ARGUMENT_BYTES + " bytes");
        }
        total += bytes + 1;
      }
      if (total > MAX_TOTAL_BYTES) {
        problems.add("command: longer than " + MAX_TOTAL_BYTES + " bytes in total");
      }
    }

    private void checkCounts(List<String> problems) {
      atLeastOne(problems, "nodes", nodes);
      atLeastOne(problems, "ntasks", ntasks);
      atLeastOne(problems, "ntasksPerNode", ntasksPerNode);
      atLeastOne(problems, "cpusPerTask", cpusPerTask);
      atLeastOne(problems, "gpusPerNode", gpusPerNode);
      if (nodes != null && ntasks != null && nodes > 0 && ntasks > 0 && ntasks < nodes) {
        problems.add("ntasks: must be at least the number of nodes (" + nodes + "), was " + ntasks);
      }
      if (nodes != null
          && ntasks != null
          && ntasksPerNode != null
          && ntasksPerNode > 0
          && nodes > 0
          && (long) nodes * ntasksPerNode < ntasks) {
        problems.add(
            "ntasks: "
                + ntasks
                + " tasks do not fit on "
                + nodes
                + " nodes with "
                + ntasksPerNode
                + " tasks per node");
      }
    }

    private static void atLeastOne(List<String> problems, String field, Integer value) {
      if (value != null && value < 1) {
        problems.add(field + ": must be at least 1, was " + value);
      }
    }

    private static void checkSlurmName(List<String> problems, String field, String value) {
      if (value != null && !SLURM_NAME.matcher(value).matches()) {
        problems.add(
            field
                + ": must be 1-128 letters, digits, '_', '.', '+' or '-', starting with a letter"
                + " or digit");
      }
    }

    private static void checkText(List<String> problems, String field, String value, int maxBytes) {
      if (value == null) {
        return;
      }
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

    private void checkWorkingDirectory(List<String> problems) {
      checkText(problems, "workingDirectory", workingDirectory, MAX_PATH_BYTES);
      if (workingDirectory != null) {
        String p = workingDirectory.strip();
        if (p.startsWith("~") && !p.equals("~") && !p.startsWith("~/")) {
          problems.add("workingDirectory: only '~' and '~/' are understood, not '~user'");
        }
      }
    }

    private void checkEnvironment(List<String> problems) {
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

    private void checkArray(List<String> problems) {
      if (array == null) {
        return;
      }
      String rule =
          "array: '"
              + (array.length() > 64 ? array.substring(0, 64) + "..." : array)
              + "' must be indexes or ranges separated by commas, with an optional step and"
              + " %limit (e.g. 0-15%4, 1,3,5, 0-20:4)";
      if (array.length() > 1024) {
        problems.add("array: must be at most 1024 characters");
        return;
      }
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

    private void checkLauncher(List<String> problems) {
      if (launcher == Launcher.NONE && !launcherArguments.isEmpty()) {
        problems.add("launcherArguments: only with launcher SRUN or MPIRUN");
      }
      for (int i = 0; i < launcherArguments.size(); i++) {
        String arg = launcherArguments.get(i);
        if (arg == null || arg.indexOf('\0') >= 0 || utf8Length(arg) > MAX_ARGUMENT_BYTES) {
          problems.add(
              "launcherArguments: argument " + i + " is null, contains NUL or is too long");
        }
      }
    }
  }
}
