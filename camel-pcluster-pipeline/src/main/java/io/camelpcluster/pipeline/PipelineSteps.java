package io.camelpcluster.pipeline;

import io.camelpcluster.pcluster.PclusterConstants;
import io.camelpcluster.pcluster.api.NotFoundException;
import io.camelpcluster.pcluster.api.model.StackEventsResponse;
import io.camelpcluster.pcluster.jobs.JobFailedException;
import io.camelpcluster.pcluster.jobs.JobStatus;
import io.camelpcluster.pcluster.slurm.JobState;
import io.camelpcluster.pcluster.wait.WaitFailedException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The steps of the route template {@code pcluster-ephemeral-pipeline} that YAML cannot express: one
 * instance per pipeline, created by the template as its local bean {@code steps} from the
 * template's parameters ({@link #getParameters()}, checked by {@link #init()}). The flow itself
 * (order, try/catch/finally, endpoints) is the template's; each method here does one step's
 * bookkeeping on the exchange and the {@link PipelineJournal}.
 *
 * <p>The run travels in exchange properties: {@link #RUN_ID}, {@link #INPUT}, {@link #STEP}.
 */
public final class PipelineSteps implements CamelContextAware {

  /** Header with the input's idempotency key, for the idempotent consumer. */
  public static final String INPUT_KEY = "CamelPclusterPipelineInputKey";

  /** Exchange property: the run id. */
  public static final String RUN_ID = "CamelPclusterPipelineRunId";

  /** Exchange property: the {@link InputObject}. */
  public static final String INPUT = "CamelPclusterPipelineInput";

  /** Exchange property: the step in progress. */
  public static final String STEP = "CamelPclusterPipelineStep";

  /** Exchange property: true once createCluster was called. */
  public static final String CLUSTER_REQUESTED = "CamelPclusterPipelineClusterRequested";

  /** Exchange property: the job's log text, once read. */
  public static final String JOB_LOG = "CamelPclusterPipelineJobLog";

  /** Exchange property: the error the run failed with. */
  public static final String ERROR = "CamelPclusterPipelineError";

  /** Exchange property: the step the run failed in. */
  public static final String FAILED_STEP = "CamelPclusterPipelineFailedStep";

  /** Exchange property: the stack events of a cluster whose creation failed. */
  public static final String STACK_EVENTS = "CamelPclusterPipelineStackEvents";

  /** Exchange property: true when the stack events of the failed creation are to be read. */
  public static final String READ_STACK_EVENTS = "CamelPclusterPipelineReadStackEvents";

  /** Exchange property: true when the cluster is to be deleted. */
  public static final String DELETE_CLUSTER = "CamelPclusterPipelineDeleteCluster";

  /**
   * Exchange property: true when the run failed because the application is stopping; it is then
   * ABANDONED (no error report) and its input is processed again after the restart.
   */
  public static final String ABANDONED = "CamelPclusterPipelineAbandoned";

  /** Exchange property: true when the final report is to be put. */
  public static final String FINAL_REPORT = "CamelPclusterPipelineFinalReport";

  private static final Logger LOG = LoggerFactory.getLogger(PipelineSteps.class);

  private final Map<String, String> parameters = new LinkedHashMap<>();
  private final Clock clock = Clock.systemUTC();
  private CamelContext camelContext;
  private PipelineSettings settings;
  private PipelineJournal journal;
  private ClusterNames names;
  private InputCheck inputCheck;
  private JobStaging staging;
  private S3Presigner ownPresigner;

  /** The template's parameters as text, set by the template before {@link #init()}. */
  public Map<String, String> getParameters() {
    return parameters;
  }

  @Override
  public CamelContext getCamelContext() {
    return camelContext;
  }

  @Override
  public void setCamelContext(CamelContext camelContext) {
    this.camelContext = camelContext;
  }

  /**
   * Checks the parameters, finds the journal, reads the job script and registers the pipeline's
   * {@link PipelineShutdown}.
   *
   * @throws IllegalArgumentException listing every invalid parameter
   */
  public void init() throws Exception {
    settings = PipelineSettings.parse(parameters);
    names = settings.clusterNames();
    inputCheck = new InputCheck(settings.maxInputBytes());
    journal = PipelineShutdown.journal(camelContext, settings.journal());
    S3Presigner presigner = camelContext.getRegistry().findSingleByType(S3Presigner.class);
    if (presigner == null) {
      presigner = ComponentPresigner.of(camelContext);
      ownPresigner = presigner;
    }
    staging = new JobStaging(settings, readScript(settings.jobScript()), presigner);
    PipelineShutdown.register(camelContext, settings, journal);
  }

  /** Releases the presigner this bean made, if it made one. */
  public void close() {
    if (ownPresigner != null) {
      ownPresigner.close();
    }
  }

  /** The checked settings. */
  public PipelineSettings settings() {
    return settings;
  }

  /**
   * Entry of every trigger's exchange: takes the input from the {@code CamelAwsS3*} headers into
   * {@link #INPUT}, sets {@link #INPUT_KEY}, and drops the object's body and headers (an S3 stream
   * is aborted, never read: the job downloads the input, not this process).
   */
  public void admit(Exchange exchange) {
    Message message = exchange.getMessage();
    if (message.getBody() instanceof ResponseInputStream<?> stream) {
      stream.abort();
    }
    InputObject input = InputObject.of(message);
    message.setBody(null);
    message.removeHeaders("CamelAwsS3*");
    exchange.setProperty(INPUT, input);
    message.setHeader(INPUT_KEY, input.idempotencyKey());
  }

  /**
   * Begins the run in the journal and prepares createCluster: cluster name, tags, template and
   * overrides as the component's headers.
   */
  public void begin(Exchange exchange) {
    InputObject input = input(exchange);
    PipelineRun run = journal.begin(settings.pipelineId(), input);
    String runId = run.runId();
    exchange.setProperty(RUN_ID, runId);
    String clusterName = names.nameFor(input, runId);
    journal.clusterName(runId, clusterName);
    journal.resultPrefix(runId, layout(input).folder());
    Message message = exchange.getMessage();
    message.setHeader(PclusterConstants.CLUSTER_NAME, clusterName);
    message.setHeader(
        PclusterConstants.CLUSTER_TAGS,
        PipelineTags.of(
                settings.owner(),
                settings.pipelineId(),
                journal.instanceId(),
                runId,
                input,
                clock.instant().plus(settings.clusterTtl()))
            .toMap());
    message.setHeader(PclusterConstants.CONFIG_TEMPLATE, settings.configTemplate());
    if (!settings.configOverrides().isEmpty()) {
      message.setHeader(
          PclusterConstants.CONFIG_OVERRIDES, new LinkedHashMap<>(settings.configOverrides()));
    }
    LOG.info(
        "Run {} of pipeline {}: input {}, cluster {}",
        runId,
        settings.pipelineId(),
        input.displayName(),
        clusterName);
  }

  /**
   * Ends the step in progress (succeeded) and starts the next one.
   *
   * @param step the next step's name
   */
  public void enter(Exchange exchange, String step) {
    String runId = runId(exchange);
    String current = exchange.getProperty(STEP, String.class);
    if (current != null) {
      journal.stepEnded(runId, current, null);
      LOG.info("Run {}: {} done", runId, current);
    }
    journal.stepStarted(runId, step);
    exchange.setProperty(STEP, step);
    if ("create".equals(step)) {
      exchange.setProperty(CLUSTER_REQUESTED, true);
    }
  }

  /**
   * Refuses an empty input, or one larger than {@code maxInputBytes}.
   *
   * @throws InputRejectedException if so
   */
  public void checkInput(Exchange exchange) {
    inputCheck.check(input(exchange));
  }

  /**
   * Presigns the input's GET and each output's PUT and sets the job: the staged script and its
   * resources as the component's headers, in a working directory of the run's own.
   */
  public void stage(Exchange exchange) {
    staging.stage(exchange.getMessage(), input(exchange), runId(exchange));
  }

  /** Records the job once it has ended (the body is its final {@link JobStatus}). */
  public void jobEnded(Exchange exchange) {
    String jobId = exchange.getMessage().getHeader(PclusterConstants.JOB_ID, String.class);
    journal.jobId(runId(exchange), jobId);
    LOG.info(
        "Run {}: job {} ended {} (exit {})",
        runId(exchange),
        jobId,
        exchange.getMessage().getHeader(PclusterConstants.JOB_STATE),
        exchange.getMessage().getHeader(PclusterConstants.JOB_EXIT_CODE));
  }

  /** Turns the job's output (the body) into the job.log object to put. */
  public void jobLog(Exchange exchange) {
    String log = exchange.getMessage().getBody(String.class);
    exchange.setProperty(JOB_LOG, log);
    putObject(exchange, layout(input(exchange)).jobLogKey(), log == null ? "" : log);
  }

  /**
   * Fails the run unless the job completed.
   *
   * @throws JobNotCompletedException if it did not
   */
  public void requireCompleted(Exchange exchange) {
    Message message = exchange.getMessage();
    JobState state = message.getHeader(PclusterConstants.JOB_STATE, JobState.class);
    if (state != JobState.COMPLETED) {
      throw new JobNotCompletedException(
          message.getHeader(PclusterConstants.JOB_ID, String.class),
          state,
          message.getHeader(PclusterConstants.JOB_EXIT_CODE, Integer.class),
          message.getHeader(PclusterConstants.JOB_REASON, String.class));
    }
  }

  /**
   * Once the run has ended: the result manifest as the object to put, or the error report when only
   * the teardown failed (other failures were reported already); sets {@link #FINAL_REPORT} when
   * there is an object to put.
   */
  public void finalReport(Exchange exchange) throws Exception {
    String runId = exchange.getProperty(RUN_ID, String.class);
    Exception error = exchange.getProperty(ERROR, Exception.class);
    boolean report =
        runId != null && (error == null || "delete".equals(exchange.getProperty(FAILED_STEP)));
    exchange.setProperty(FINAL_REPORT, report);
    if (!report) {
      return;
    }
    if (error != null) {
      errorReport(exchange);
      return;
    }
    ResultLayout layout = layout(input(exchange));
    List<String> outputKeys = settings.outputFiles().stream().map(layout::outputKey).toList();
    putObject(
        exchange,
        layout.manifestKey(),
        ResultManifest.of(journal.run(runId).orElseThrow(), outputKeys, layout.jobLogKey())
            .toJson());
  }

  /**
   * Records the failure (the caught exception) on the step in progress, and sets {@link
   * #READ_STACK_EVENTS} when the cluster's creation failed.
   */
  public void failed(Exchange exchange) {
    Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    String step = exchange.getProperty(STEP, String.class);
    step = step == null ? "begin" : step;
    exchange.setProperty(ERROR, error);
    exchange.setProperty(FAILED_STEP, step);
    exchange.setProperty(ABANDONED, camelContext != null && camelContext.isStopping());
    String runId = exchange.getProperty(RUN_ID, String.class);
    String message = error == null ? "unknown error" : RunFailures.describe(error);
    if (runId != null) {
      journal.stepEnded(runId, step, message);
    }
    exchange.removeProperty(STEP);
    LOG.warn("Run {} failed in step {}: {}", runId, step, message);
    exchange.setProperty(
        READ_STACK_EVENTS,
        "create".equals(step) && RunFailures.causedBy(error, WaitFailedException.class));
  }

  /** Keeps the stack events (the body) for the error report. */
  public void stackEvents(Exchange exchange) {
    StackEventsResponse events = exchange.getMessage().getBody(StackEventsResponse.class);
    if (events != null && events.events() != null) {
      exchange.setProperty(STACK_EVENTS, events.events());
    }
  }

  /** The error report of the failed run as the object to put. */
  @SuppressWarnings("unchecked")
  public void errorReport(Exchange exchange) throws Exception {
    String runId = exchange.getProperty(RUN_ID, String.class);
    Exception error = exchange.getProperty(ERROR, Exception.class);
    if (runId == null) {
      // the run did not even begin: nothing to report on, the exchange fails with the error
      throw error == null ? new IllegalStateException("the run did not begin") : error;
    }
    String log = exchange.getProperty(JOB_LOG, String.class);
    if (log == null && error instanceof JobFailedException failed) {
      log = failed.outputTail();
    }
    ErrorReport report =
        ErrorReport.of(
            journal.run(runId).orElseThrow(),
            exchange.getProperty(FAILED_STEP, String.class),
            error == null ? new IllegalStateException("unknown error") : error,
            log,
            exchange.getProperty(STACK_EVENTS, List.class),
            clock.instant());
    putObject(exchange, layout(input(exchange)).errorKey(), report.toJson());
  }

  /**
   * Sets {@link #DELETE_CLUSTER} when the run's cluster must be deleted now: it was requested and
   * may exist, and it is not kept for a failed run with {@code keepOnFailure}.
   */
  public void decideDeletion(Exchange exchange) {
    exchange.setProperty(DELETE_CLUSTER, mustDelete(exchange));
  }

  private boolean mustDelete(Exchange exchange) {
    if (!exchange.getProperty(CLUSTER_REQUESTED, false, Boolean.class)) {
      return false;
    }
    Exception error = exchange.getProperty(ERROR, Exception.class);
    if (error != null
        && "create".equals(exchange.getProperty(FAILED_STEP))
        && RunFailures.neverCreated(error)) {
      return false;
    }
    if (error != null && settings.keepOnFailure()) {
      LOG.warn(
          "Run {}: keeping cluster {} of the failed run (keepOnFailure); it expires per its tag",
          exchange.getProperty(RUN_ID),
          exchange.getMessage().getHeader(PclusterConstants.CLUSTER_NAME));
      return false;
    }
    return true;
  }

  /** Handles a failed deletion: a cluster already gone is fine, anything else fails the run. */
  public void deleteFailed(Exchange exchange) {
    Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    String runId = runId(exchange);
    if (RunFailures.causedBy(error, NotFoundException.class)) {
      journal.stepEnded(runId, "delete", null);
    } else {
      String message = RunFailures.describe(error);
      journal.stepEnded(runId, "delete", message);
      LOG.error(
          "Run {}: cluster {} could not be deleted ({}); the reaper deletes it once it expires",
          runId,
          exchange.getMessage().getHeader(PclusterConstants.CLUSTER_NAME),
          message);
      if (exchange.getProperty(ERROR) == null) {
        exchange.setProperty(ERROR, error);
        exchange.setProperty(FAILED_STEP, "delete");
      }
    }
    exchange.removeProperty(STEP);
  }

  /**
   * Ends the run in the journal: SUCCEEDED, FAILED with the error, or ABANDONED when it failed
   * because the application is stopping.
   */
  public void end(Exchange exchange) {
    String runId = exchange.getProperty(RUN_ID, String.class);
    if (runId == null) {
      return;
    }
    String step = exchange.getProperty(STEP, String.class);
    if (step != null) {
      journal.stepEnded(runId, step, null);
    }
    String prefix = layout(input(exchange)).folder();
    Exception error = exchange.getProperty(ERROR, Exception.class);
    if (error == null) {
      journal.succeed(runId, prefix);
      LOG.info("Run {} SUCCEEDED: results in s3://{}/{}", runId, settings.resultsBucket(), prefix);
    } else if (exchange.getProperty(ABANDONED, false, Boolean.class)) {
      journal.abandon(runId, "shutdown: " + RunFailures.describe(error), prefix);
      LOG.warn(
          "Run {} ABANDONED: the application stopped; its input runs again after the restart",
          runId);
    } else {
      journal.fail(runId, RunFailures.describe(error), prefix);
      LOG.warn(
          "Run {} FAILED in step {}: error report in s3://{}/{}error.json",
          runId,
          exchange.getProperty(FAILED_STEP),
          settings.resultsBucket(),
          prefix);
    }
  }

  private void putObject(Exchange exchange, String key, String body) {
    Message message = exchange.getMessage();
    message.setHeader(AWS2S3Constants.KEY, key);
    message.setHeader(AWS2S3Constants.CONTENT_TYPE, contentType(key));
    message.setBody(body);
  }

  private static String contentType(String key) {
    return key.endsWith(".json") ? "application/json" : "text/plain; charset=utf-8";
  }

  private ResultLayout layout(InputObject input) {
    return ResultLayout.of(settings.resultsPrefix(), input);
  }

  private static InputObject input(Exchange exchange) {
    return exchange.getProperty(INPUT, InputObject.class);
  }

  private static String runId(Exchange exchange) {
    return exchange.getProperty(RUN_ID, String.class);
  }

  private String readScript(String location) throws Exception {
    if (location.startsWith("bean:")) {
      String name = location.substring("bean:".length());
      String script = camelContext.getRegistry().lookupByNameAndType(name, String.class);
      if (script == null) {
        throw new IllegalArgumentException(
            "jobScript " + location + ": there is no String bean named " + name);
      }
      return script;
    }
    if (location.startsWith("classpath:") || location.startsWith("file:")) {
      try (InputStream in =
          ResourceHelper.resolveMandatoryResourceAsInputStream(camelContext, location)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return location;
  }
}
