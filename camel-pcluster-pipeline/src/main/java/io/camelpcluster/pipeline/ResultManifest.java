package io.camelpcluster.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a run produced, written as {@value #FILE_NAME} to the run's results folder: the input (with
 * its full key), the run, its cluster and job, its steps with their timings, and the keys of its
 * results.
 *
 * @param input the input
 * @param runId the run
 * @param pipelineId the pipeline
 * @param clusterName the cluster the job ran on
 * @param jobId the Slurm job
 * @param state the run's state when the manifest was written
 * @param started when the run started
 * @param ended when it ended; {@code null} if it was still running
 * @param steps its steps, with timings
 * @param outputKeys the keys of the uploaded outputs, in the results bucket
 * @param jobLogKey the key of the job log, or {@code null}
 */
public record ResultManifest(
    InputObject input,
    String runId,
    String pipelineId,
    String clusterName,
    String jobId,
    RunState state,
    Instant started,
    Instant ended,
    List<RunStep> steps,
    List<String> outputKeys,
    String jobLogKey) {

  /** File name of the manifest in the run's results folder. */
  public static final String FILE_NAME = "result.json";

  public ResultManifest {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(state, "state");
    steps = steps == null ? List.of() : List.copyOf(steps);
    outputKeys = outputKeys == null ? List.of() : List.copyOf(outputKeys);
  }

  /** The manifest of a run whose outputs went to {@code outputKeys}. */
  public static ResultManifest of(PipelineRun run, List<String> outputKeys, String jobLogKey) {
    return new ResultManifest(
        run.input(),
        run.runId(),
        run.pipelineId(),
        run.clusterName(),
        run.jobId(),
        run.state(),
        run.started(),
        run.ended(),
        run.steps(),
        outputKeys,
        jobLogKey);
  }

  /** The manifest as JSON (UTF-8 text, instants in ISO-8601). */
  public String toJson() {
    return PipelineJson.write(this);
  }

  /** A manifest read back from {@link #toJson()}. */
  public static ResultManifest fromJson(String json) {
    return PipelineJson.read(json, ResultManifest.class);
  }
}
