package io.camelpcluster.pipeline;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The parameters of one pipeline, typed and checked: what the route template {@code
 * pcluster-ephemeral-pipeline} takes as text and {@link EphemeralClusterPipeline} as Java values.
 * {@link #parse} is the one place that reads and validates them; it reports every problem at once.
 *
 * @param pipelineId the pipeline's id: 1 to 32 of {@code [a-z0-9-]}; in tags, route ids, endpoints
 * @param owner the owner tag of the clusters, or null for none
 * @param inputBucket the bucket the S3 trigger watches, or null (another trigger feeds the
 *     pipeline)
 * @param inputPrefix the key prefix the S3 trigger watches
 * @param resultsBucket the bucket results and error reports go to
 * @param resultsPrefix the key prefix of the results
 * @param configTemplate where the cluster configuration template is, as the component takes it
 * @param configOverrides overrides of the template: path to value, in order
 * @param jobScript the job script: a {@code classpath:}, {@code file:} or {@code bean:} location,
 *     or the script text
 * @param outputFiles the files the job writes in its working directory that go to the results
 * @param nodes the job's nodes, or null for the partition's default
 * @param ntasks the job's tasks, or null for the partition's default
 * @param partition the job's partition (ParallelCluster queue), or null for the default one
 * @param timeLimit the job's time limit in Slurm notation, or null
 * @param namePrefix the first part of every cluster name
 * @param maxNameLength the longest cluster name
 * @param clusterTtl how long after its creation a cluster counts as expired for the reaper
 * @param createTimeout the longest wait for a cluster to be created
 * @param jobTimeout the longest wait for the job
 * @param deleteTimeout the longest wait for a cluster to be gone
 * @param maxConcurrentClusters how many clusters the pipeline has at once at most
 * @param maxInputBytes the largest input accepted
 * @param keepOnFailure whether the cluster of a failed run is kept (until its expiry)
 * @param journal the registry name of the {@link PipelineJournal}
 * @param presignExpiry how long the job's presigned URLs are valid
 * @param reaperInterval how often the reaper looks for clusters to delete
 */
public record PipelineSettings(
    String pipelineId,
    String owner,
    String inputBucket,
    String inputPrefix,
    String resultsBucket,
    String resultsPrefix,
    String configTemplate,
    Map<String, String> configOverrides,
    String jobScript,
    List<String> outputFiles,
    Integer nodes,
    Integer ntasks,
    String partition,
    String timeLimit,
    String namePrefix,
    int maxNameLength,
    Duration clusterTtl,
    Duration createTimeout,
    Duration jobTimeout,
    Duration deleteTimeout,
    int maxConcurrentClusters,
    long maxInputBytes,
    boolean keepOnFailure,
    String journal,
    Duration presignExpiry,
    Duration reaperInterval) {

  /** The default values of the optional parameters, as the template declares them. */
  public static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("owner", ""),
          Map.entry("inputBucket", ""),
          Map.entry("inputPrefix", ""),
          Map.entry("resultsPrefix", "results/"),
          Map.entry("configOverrides", ""),
          Map.entry("outputFiles", ""),
          Map.entry("nodes", ""),
          Map.entry("ntasks", ""),
          Map.entry("partition", ""),
          Map.entry("timeLimit", ""),
          Map.entry("namePrefix", ClusterNames.DEFAULT_PREFIX),
          Map.entry("maxNameLength", String.valueOf(ClusterNames.DEFAULT_MAX_LENGTH)),
          Map.entry("clusterTtl", "PT4H"),
          Map.entry("createTimeout", "PT45M"),
          Map.entry("jobTimeout", "PT2H"),
          Map.entry("deleteTimeout", "PT30M"),
          Map.entry("maxConcurrentClusters", "2"),
          Map.entry("maxInputBytes", String.valueOf(InputCheck.DEFAULT_MAX_INPUT_BYTES)),
          Map.entry("keepOnFailure", "false"),
          Map.entry("journal", "pcluster-pipeline-journal"),
          Map.entry("presignExpiry", "PT1H"),
          Map.entry("reaperInterval", "PT5M"));

  /** The parameters without a default. */
  public static final List<String> REQUIRED =
      List.of("pipelineId", "resultsBucket", "configTemplate", "jobScript");

  private static final Pattern PIPELINE_ID = Pattern.compile("[a-z0-9-]{1,32}");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final Pattern BEAN_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final Pattern OVERRIDE_PATH = Pattern.compile("[A-Za-z0-9_.\\[\\]+-]{1,512}");

  public PipelineSettings {
    configOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(configOverrides));
    outputFiles = List.copyOf(outputFiles);
  }

  /**
   * Reads and checks the parameters given as text (missing or blank optional ones take their {@link
   * #DEFAULTS}).
   *
   * @throws IllegalArgumentException listing every problem
   */
  public static PipelineSettings parse(Map<String, String> parameters) {
    Objects.requireNonNull(parameters, "parameters");
    Reader r = new Reader(parameters);
    String pipelineId = r.required("pipelineId");
    if (pipelineId != null && !PIPELINE_ID.matcher(pipelineId).matches()) {
      r.problem(
          "pipelineId must be 1 to 32 lower-case letters, digits and '-', was "
              + r.shown(pipelineId));
    }
    String owner = r.optional("owner");
    if (owner != null
        && (owner.length() > 256 || owner.chars().anyMatch(Character::isISOControl))) {
      r.problem("owner must be at most 256 characters without control characters");
    }
    String inputBucket = r.optional("inputBucket");
    if (inputBucket != null) {
      r.bucket("inputBucket", inputBucket);
    }
    String inputPrefix = r.text("inputPrefix");
    String resultsBucket = r.required("resultsBucket");
    if (resultsBucket != null) {
      r.bucket("resultsBucket", resultsBucket);
    }
    String resultsPrefix = r.text("resultsPrefix");
    if (resultsPrefix.length() > 512 || resultsPrefix.chars().anyMatch(Character::isISOControl)) {
      r.problem("resultsPrefix must be at most 512 characters without control characters");
    }
    String configTemplate = r.required("configTemplate");
    Map<String, String> overrides = r.overrides("configOverrides");
    String jobScript = r.required("jobScript");
    List<String> outputs = r.outputFiles("outputFiles");
    Integer nodes = r.positiveOrNull("nodes");
    Integer ntasks = r.positiveOrNull("ntasks");
    String partition = r.optional("partition");
    String timeLimit = r.optional("timeLimit");
    String namePrefix = r.text("namePrefix");
    int maxNameLength = r.integer("maxNameLength");
    try {
      new ClusterNames(namePrefix, maxNameLength);
    } catch (IllegalArgumentException e) {
      r.problem(e.getMessage());
    }
    Duration clusterTtl = r.duration("clusterTtl");
    Duration createTimeout = r.duration("createTimeout");
    Duration jobTimeout = r.duration("jobTimeout");
    Duration deleteTimeout = r.duration("deleteTimeout");
    int maxConcurrentClusters = r.integer("maxConcurrentClusters");
    if (maxConcurrentClusters < 1) {
      r.problem("maxConcurrentClusters must be at least 1, was " + maxConcurrentClusters);
    }
    long maxInputBytes = r.longValue("maxInputBytes");
    if (maxInputBytes < 1) {
      r.problem("maxInputBytes must be at least 1, was " + maxInputBytes);
    }
    boolean keepOnFailure = r.bool("keepOnFailure");
    String journal = r.text("journal");
    if (!BEAN_NAME.matcher(journal).matches()) {
      r.problem(
          "journal must be a bean name of letters, digits, '.', '_' and '-', was "
              + r.shown(journal));
    }
    Duration presignExpiry = r.duration("presignExpiry");
    if (presignExpiry != null && presignExpiry.compareTo(Duration.ofDays(7)) > 0) {
      r.problem("presignExpiry must be at most 7 days (SigV4's limit), was " + presignExpiry);
    }
    Duration reaperInterval = r.duration("reaperInterval");
    r.throwIfProblems();
    return new PipelineSettings(
        pipelineId,
        owner,
        inputBucket,
        inputPrefix,
        resultsBucket,
        resultsPrefix,
        configTemplate,
        overrides,
        jobScript,
        outputs,
        nodes,
        ntasks,
        partition,
        timeLimit,
        namePrefix,
        maxNameLength,
        clusterTtl,
        createTimeout,
        jobTimeout,
        deleteTimeout,
        maxConcurrentClusters,
        maxInputBytes,
        keepOnFailure,
        journal,
        presignExpiry,
        reaperInterval);
  }

  /** The cluster names of this pipeline. */
  public ClusterNames clusterNames() {
    return new ClusterNames(namePrefix, maxNameLength);
  }

  /** Reads text parameters and collects the problems. */
  private static final class Reader {
    private final Map<String, String> parameters;
    private final List<String> problems = new ArrayList<>();

    Reader(Map<String, String> parameters) {
      this.parameters = parameters;
    }

    String raw(String name) {
      String value = parameters.get(name);
      if (value == null || value.isBlank()) {
        value = DEFAULTS.get(name);
      }
      return value == null ? null : value.strip();
    }

    String required(String name) {
      String value = raw(name);
      if (value == null || value.isEmpty()) {
        problem(name + " is required");
        return null;
      }
      return value;
    }

    String optional(String name) {
      String value = raw(name);
      return value == null || value.isEmpty() ? null : value;
    }

    String text(String name) {
      String value = raw(name);
      return value == null ? "" : value;
    }

    void bucket(String name, String value) {
      if (!BUCKET.matcher(value).matches() || value.contains("..")) {
        problem(name + " must be a valid S3 bucket name, was " + shown(value));
      }
    }

    Integer positiveOrNull(String name) {
      String value = optional(name);
      if (value == null) {
        return null;
      }
      try {
        int n = Integer.parseInt(value);
        if (n < 1) {
          problem(name + " must be at least 1, was " + n);
        }
        return n;
      } catch (NumberFormatException e) {
        problem(name + " must be a whole number, was " + shown(value));
        return null;
      }
    }

    int integer(String name) {
      String value = text(name);
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        problem(name + " must be a whole number, was " + shown(value));
        return 0;
      }
    }

    long longValue(String name) {
      String value = text(name);
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        problem(name + " must be a whole number, was " + shown(value));
        return 0;
      }
    }

    boolean bool(String name) {
      String value = text(name);
      if (!value.equals("true") && !value.equals("false")) {
        problem(name + " must be true or false, was " + shown(value));
      }
      return Boolean.parseBoolean(value);
    }

    Duration duration(String name) {
      String value = text(name);
      try {
        Duration d = Duration.parse(value);
        if (d.isNegative() || d.isZero()) {
          problem(name + " must be positive, was " + value);
        }
        return d;
      } catch (DateTimeParseException e) {
        problem(name + " must be an ISO-8601 duration such as PT30M, was " + shown(value));
        return null;
      }
    }

    /** Lines (or ';'-separated items) of PATH=VALUE. */
    Map<String, String> overrides(String name) {
      Map<String, String> overrides = new LinkedHashMap<>();
      for (String line : text(name).split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        int eq = line.indexOf('=');
        String path = eq < 0 ? line.strip() : line.substring(0, eq).strip();
        if (eq < 0 || !OVERRIDE_PATH.matcher(path).matches()) {
          problem(
              name
                  + " must be lines of PATH=VALUE with a path such as"
                  + " Scheduling.SlurmQueues[0].ComputeResources[0].MaxCount, was "
                  + shown(line));
          continue;
        }
        overrides.put(path, line.substring(eq + 1).strip());
      }
      return overrides;
    }

    List<String> outputFiles(String name) {
      List<String> files = new ArrayList<>();
      for (String file : Arrays.stream(text(name).split(",")).map(String::strip).toList()) {
        if (file.isEmpty()) {
          continue;
        }
        if (!FILE_NAME.matcher(file).matches() || file.equals(".") || file.equals("..")) {
          problem(
              name
                  + " must be file names of letters, digits, '.', '_' and '-', was "
                  + shown(file));
        } else if (List.of("job.log", "result.json", "error.json").contains(file)) {
          problem(name + " must not name " + file + ": the pipeline writes it");
        } else {
          files.add(file);
        }
      }
      return files;
    }

    String shown(String value) {
      String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
      return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
    }

    void problem(String problem) {
      problems.add(problem);
    }

    void throwIfProblems() {
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "invalid pipeline parameters: " + String.join("; ", problems));
      }
    }
  }
}
