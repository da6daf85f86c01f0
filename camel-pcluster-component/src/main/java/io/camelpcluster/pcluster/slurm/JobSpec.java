package io.camelpcluster.pcluster.slurm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

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
    this.command =
        b.command == null ? null : Collections.unmodifiableList(new ArrayList<>(b.command));
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
    this.launcherArguments = Collections.unmodifiableList(new ArrayList<>(b.launcherArguments));
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
    if (path.equals("~") || path.equals("~/")) {
      return ".";
    }
    return path.startsWith("~/") ? path.substring(2) : path;
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
      return command(argv == null ? null : Arrays.asList(argv));
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
      List<String> parseProblems = new ArrayList<>();
      MemorySize mem =
          memory != null
              ? memory
              : parsed(parseProblems, "memory", memoryText, () -> MemorySize.parse(memoryText));
      Duration time =
          timeLimitText == null
              ? timeLimit
              : parsed(parseProblems, "timeLimit", timeLimitText, () -> limit(timeLimitText));
      List<JobDependency> deps = new ArrayList<>(dependencies);
      if (dependencyText != null) {
        List<JobDependency> parsedDeps =
            parsed(
                parseProblems,
                "dependency",
                dependencyText,
                () -> JobDependency.parseList(dependencyText));
        if (parsedDeps != null) {
          deps.addAll(parsedDeps);
        }
      }
      JobSpec candidate = new JobSpec(this, mem, time, deps);
      List<String> problems = JobSpecValidator.problems(candidate);
      problems.addAll(parseProblems);
      if (!problems.isEmpty()) {
        throw new InvalidJobSpecException(problems);
      }
      return candidate;
    }

    private static Duration limit(String text) {
      return SlurmDuration.parse(text)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "'"
                          + text
                          + "' is not a limit; leave the time limit out to get the partition's"
                          + " default"));
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
  }
}
