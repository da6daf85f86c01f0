package io.camelpcluster.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One run of the pipeline for one input, as the {@link PipelineJournal} records it. Immutable: the
 * journal replaces a run by an updated copy.
 *
 * @param runId unique id of the run
 * @param pipelineId the pipeline that runs it
 * @param instanceId the process that runs it
 * @param input the input object
 * @param clusterName the cluster created for it, once named; else {@code null}
 * @param jobId the Slurm job id, once submitted; else {@code null}
 * @param state where it stands
 * @param started when it started
 * @param ended when it ended; {@code null} while running
 * @param steps its steps, in the order they started
 * @param resultPrefix the results bucket prefix its results go under; {@code null} until known
 * @param error why it failed or was abandoned; else {@code null}
 */
public record PipelineRun(
    String runId,
    String pipelineId,
    String instanceId,
    InputObject input,
    String clusterName,
    String jobId,
    RunState state,
    Instant started,
    Instant ended,
    List<RunStep> steps,
    String resultPrefix,
    String error) {

  public PipelineRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(pipelineId, "pipelineId");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(started, "started");
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** How long the run took, once it has ended. */
  public Optional<Duration> duration() {
    return ended == null ? Optional.empty() : Optional.of(Duration.between(started, ended));
  }

  /** The last step of that name, if it ran. */
  public Optional<RunStep> step(String name) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i).name().equals(name)) {
        return Optional.of(steps.get(i));
      }
    }
    return Optional.empty();
  }

  PipelineRun withClusterName(String name) {
    return new PipelineRun(
        runId,
        pipelineId,
        instanceId,
        input,
        name,
        jobId,
        state,
        started,
        ended,
        steps,
        resultPrefix,
        error);
  }

  PipelineRun withJobId(String id) {
    return new PipelineRun(
        runId,
        pipelineId,
        instanceId,
        input,
        clusterName,
        id,
        state,
        started,
        ended,
        steps,
        resultPrefix,
        error);
  }

  PipelineRun withResultPrefix(String prefix) {
    return new PipelineRun(
        runId,
        pipelineId,
        instanceId,
        input,
        clusterName,
        jobId,
        state,
        started,
        ended,
        steps,
        prefix,
        error);
  }

  PipelineRun withSteps(UnaryOperator<List<RunStep>> change) {
    return new PipelineRun(
        runId,
        pipelineId,
        instanceId,
        input,
        clusterName,
        jobId,
        state,
        started,
        ended,
        change.apply(new ArrayList<>(steps)),
        resultPrefix,
        error);
  }

  /** This run ended now in {@code end}; steps still running end too, failed unless it succeeded. */
  PipelineRun end(RunState end, Instant now, String why) {
    List<RunStep> ended = new ArrayList<>(steps.size());
    for (RunStep step : steps) {
      ended.add(
          step.outcome() == RunStep.Outcome.RUNNING
              ? step.end(now, end == RunState.SUCCEEDED ? null : why)
              : step);
    }
    return new PipelineRun(
        runId,
        pipelineId,
        instanceId,
        input,
        clusterName,
        jobId,
        end,
        started,
        now,
        ended,
        resultPrefix,
        why);
  }
}
