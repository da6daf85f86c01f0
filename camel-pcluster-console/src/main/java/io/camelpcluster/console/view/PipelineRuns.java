package io.camelpcluster.console.view;

import io.camelpcluster.console.http.ApiException;
import io.camelpcluster.pipeline.InputObject;
import io.camelpcluster.pipeline.PipelineJournal;
import io.camelpcluster.pipeline.PipelineRun;
import io.camelpcluster.pipeline.RunState;
import io.camelpcluster.pipeline.RunStep;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;

/**
 * Pipeline runs, read from every {@link PipelineJournal} bean of the Camel registry (newest first).
 */
public final class PipelineRuns {

  /** The most runs listed. */
  public static final int MAX_RUNS = 500;

  private final CamelContext context;
  private final String resultsUrl;

  /**
   * A run as the console shows it.
   *
   * @param durationMillis how long it ran, or has been running
   * @param resultLink {@code resultsUrl} followed by the URL-encoded result prefix, when both are
   *     known
   */
  public record RunView(
      String runId,
      String pipelineId,
      String instanceId,
      InputObject input,
      String clusterName,
      String jobId,
      RunState state,
      Instant started,
      Instant ended,
      long durationMillis,
      List<RunStep> steps,
      String resultPrefix,
      String resultLink,
      String error) {}

  /**
   * @param resultsUrl where results can be browsed, the result prefix appended (e.g. an S3 console
   *     URL ending in {@code ?prefix=}), or null
   */
  public PipelineRuns(CamelContext context, String resultsUrl) {
    this.context = context;
    this.resultsUrl = resultsUrl;
  }

  public List<RunView> list() {
    return journals().stream()
        .flatMap(journal -> journal.runs().stream())
        .sorted(Comparator.comparing(PipelineRun::started).reversed())
        .limit(MAX_RUNS)
        .map(this::view)
        .toList();
  }

  public RunView get(String runId) {
    return journals().stream()
        .map(journal -> journal.run(runId))
        .flatMap(Optional::stream)
        .findFirst()
        .map(this::view)
        .orElseThrow(() -> ApiException.notFound("no pipeline run with this id"));
  }

  private List<PipelineJournal> journals() {
    return List.copyOf(context.getRegistry().findByType(PipelineJournal.class));
  }

  private RunView view(PipelineRun run) {
    Instant end = run.ended() != null ? run.ended() : Instant.now();
    String link =
        resultsUrl == null || run.resultPrefix() == null
            ? null
            : resultsUrl + URLEncoder.encode(run.resultPrefix(), StandardCharsets.UTF_8);
    return new RunView(
        run.runId(),
        run.pipelineId(),
        run.instanceId(),
        run.input(),
        run.clusterName(),
        run.jobId(),
        run.state(),
        run.started(),
        run.ended(),
        Math.max(0, end.toEpochMilli() - run.started().toEpochMilli()),
        run.steps(),
        run.resultPrefix(),
        link,
        run.error());
  }
}
