package io.camelpcluster.pipeline;

import io.camelpcluster.pcluster.api.model.StackEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What went wrong in a run, written as {@code error.json} to the results bucket: the step that
 * failed, the error, the tail of the job log, and the cluster's stack events when its creation
 * failed.
 *
 * @param runId the run
 * @param pipelineId the pipeline
 * @param input the input
 * @param clusterName the run's cluster, if one was named; else {@code null}
 * @param jobId the run's job, if one was submitted; else {@code null}
 * @param step the step that failed
 * @param message the error message (at most {@value #MAX_MESSAGE_CHARS} characters)
 * @param exceptionType the exception's class name
 * @param jobLogTail the end of the job log (at most {@value #MAX_LOG_TAIL_CHARS} characters), or
 *     {@code null} when there is none
 * @param stackEvents the cluster's stack events, newest first, when its creation failed; else empty
 * @param time when the report was made
 */
public record ErrorReport(
    String runId,
    String pipelineId,
    InputObject input,
    String clusterName,
    String jobId,
    String step,
    String message,
    String exceptionType,
    String jobLogTail,
    List<StackEventSummary> stackEvents,
    Instant time) {

  /** File name of the report in the run's results folder. */
  public static final String FILE_NAME = "error.json";

  /** Longest log tail kept: 16 KiB of characters. */
  public static final int MAX_LOG_TAIL_CHARS = 16 * 1024;

  /** Longest message kept. */
  public static final int MAX_MESSAGE_CHARS = 8 * 1024;

  /** Most stack events kept. */
  public static final int MAX_STACK_EVENTS = 100;

  /**
   * One event of the cluster's CloudFormation stack.
   *
   * @param timestamp when it happened
   * @param logicalResourceId the resource
   * @param resourceStatus its status, e.g. {@code CREATE_FAILED}
   * @param resourceStatusReason why, when the stack says
   */
  public record StackEventSummary(
      Instant timestamp,
      String logicalResourceId,
      String resourceStatus,
      String resourceStatusReason) {

    /** The summary of a stack event of the component's API model. */
    public static StackEventSummary of(StackEvent event) {
      return new StackEventSummary(
          event.timestamp(),
          event.logicalResourceId(),
          event.resourceStatus() == null ? null : event.resourceStatus().name(),
          event.resourceStatusReason());
    }
  }

  /** Caps the message, the log tail and the events; fills in required parts. */
  public ErrorReport {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(time, "time");
    message = message == null ? "" : Texts.head(message, MAX_MESSAGE_CHARS);
    jobLogTail = jobLogTail == null ? null : Texts.tail(jobLogTail, MAX_LOG_TAIL_CHARS);
    stackEvents =
        stackEvents == null
            ? List.of()
            : List.copyOf(stackEvents.subList(0, Math.min(stackEvents.size(), MAX_STACK_EVENTS)));
  }

  /**
   * The report of a run that failed in {@code step} with {@code error}.
   *
   * @param jobLog the job's log, or {@code null}; only its tail is kept
   * @param stackEvents the cluster's stack events, or {@code null}
   */
  public static ErrorReport of(
      PipelineRun run,
      String step,
      Throwable error,
      String jobLog,
      List<StackEvent> stackEvents,
      Instant time) {
    Objects.requireNonNull(error, "error");
    return new ErrorReport(
        run.runId(),
        run.pipelineId(),
        run.input(),
        run.clusterName(),
        run.jobId(),
        step,
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage(),
        error.getClass().getName(),
        jobLog,
        stackEvents == null
            ? List.of()
            : stackEvents.stream().filter(Objects::nonNull).map(StackEventSummary::of).toList(),
        time);
  }

  /** The report as JSON (UTF-8 text, instants in ISO-8601). */
  public String toJson() {
    return PipelineJson.write(this);
  }

  /** A report read back from {@link #toJson()}. */
  public static ErrorReport fromJson(String json) {
    return PipelineJson.read(json, ErrorReport.class);
  }
}
