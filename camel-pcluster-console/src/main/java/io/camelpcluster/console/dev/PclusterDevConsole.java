package io.camelpcluster.console.dev;

import io.camelpcluster.pcluster.PclusterComponent;
import io.camelpcluster.pcluster.PclusterEndpoint;
import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import io.camelpcluster.pcluster.wait.WaitService.JobWait;
import io.camelpcluster.pipeline.PipelineJournal;
import io.camelpcluster.pipeline.PipelineRun;
import io.camelpcluster.pipeline.RunStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code pcluster} developer console: for every {@code pcluster:} component of the app, its
 * clusters (name, status, region, compute fleet, age) as the API lists them with the component's
 * own connection settings, and the Slurm jobs its exchanges are waiting on; and the latest runs of
 * every {@link PipelineJournal} bean (ephemeral-cluster pipelines). Registered by the service file
 * {@code META-INF/services/org/apache/camel/dev-console/pcluster}.
 *
 * <p>Options: {@code describe=false} lists the clusters without the DescribeCluster call per
 * cluster that gives the compute fleet and the age; {@code runs=N} shows the N latest runs per
 * journal (default {@value #DEFAULT_RUNS}). An API that fails or does not answer is reported per
 * component. Text and JSON never contain credentials; control characters of API, Slurm or input
 * texts are replaced in the text output.
 */
@DevConsole(
    name = PclusterDevConsole.ID,
    displayName = "AWS ParallelCluster",
    description = "Clusters, jobs and pipeline runs of the pcluster components")
public class PclusterDevConsole extends AbstractDevConsole {

  /** The console's id. */
  public static final String ID = "pcluster";

  /** Option: whether each cluster is described (compute fleet, age); {@code true} by default. */
  public static final String DESCRIBE = "describe";

  /** Option: how many of the latest runs of each pipeline journal are shown. */
  public static final String RUNS = "runs";

  static final int DEFAULT_RUNS = 20;

  /** Clusters described per component at most; the rest are listed without fleet and age. */
  static final int MAX_DESCRIBED = 50;

  /** How long the console waits for one API call. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

  public PclusterDevConsole() {
    super(
        "camel",
        ID,
        "AWS ParallelCluster",
        "Clusters, jobs and pipeline runs of the pcluster components");
  }

  @Override
  protected String doCallText(Map<String, Object> options) {
    StringBuilder text = new StringBuilder();
    List<ComponentView> views = views(options);
    if (views.isEmpty()) {
      text.append("No pcluster component\n");
    }
    for (ComponentView view : views) {
      text.append(
          String.format(
              "Component %s (region %s)%n",
              printable(view.name()), printable(orDash(view.region()))));
      view.error()
          .ifPresent(error -> text.append("  Clusters: ").append(printable(error)).append('\n'));
      if (view.error().isEmpty()) {
        text.append(String.format("  Clusters (%d):%n", view.clusters().size()));
        text.append(
            String.format(
                "    %-40s %-22s %-14s %-16s %s%n",
                "NAME", "STATUS", "REGION", "COMPUTE FLEET", "AGE"));
        for (ClusterView cluster : view.clusters()) {
          text.append(
              String.format(
                  "    %-40s %-22s %-14s %-16s %s%n",
                  printable(cluster.name()),
                  printable(orDash(cluster.status())),
                  printable(orDash(cluster.region())),
                  printable(orDash(cluster.computeFleet())),
                  cluster.age().map(PclusterDevConsole::age).orElse("-")));
        }
      }
      text.append(String.format("  Jobs waited on (%d):%n", view.jobWaits().size()));
      for (JobWait wait : view.jobWaits()) {
        text.append(
            String.format(
                "    %-14s %-30s %s%n",
                printable(wait.jobId()), printable(wait.lastSeen()), printable(wait.headNode())));
      }
    }
    int limit = runLimit(options);
    journals()
        .forEach(
            (name, journal) -> {
              List<PipelineRun> runs = journal.runs();
              text.append(
                  String.format(
                      "Pipeline runs of journal %s (%d of %d):%n",
                      printable(name), Math.min(limit, runs.size()), runs.size()));
              text.append(
                  String.format(
                      "    %-36s %-9s %-40s %-8s %-9s %-12s %s%n",
                      "RUN", "STATE", "CLUSTER", "JOB", "DURATION", "STEP", "INPUT"));
              for (PipelineRun run : runs.subList(0, Math.min(limit, runs.size()))) {
                text.append(
                    String.format(
                        "    %-36s %-9s %-40s %-8s %-9s %-12s %s%n",
                        printable(run.runId()),
                        run.state(),
                        printable(orDash(run.clusterName())),
                        printable(orDash(run.jobId())),
                        run.duration().map(PclusterDevConsole::age).orElse("-"),
                        printable(lastStep(run).map(RunStep::name).orElse("-")),
                        printable(run.input().displayName())));
                if (run.error() != null) {
                  text.append("      error: ").append(printable(run.error())).append('\n');
                }
              }
            });
    return text.toString();
  }

  @Override
  protected JsonObject doCallJson(Map<String, Object> options) {
    List<JsonObject> components = new ArrayList<>();
    for (ComponentView view : views(options)) {
      JsonObject component = new JsonObject();
      component.put("name", view.name());
      component.put("region", view.region());
      view.error().ifPresent(error -> component.put("error", error));
      List<JsonObject> clusters = new ArrayList<>();
      for (ClusterView cluster : view.clusters()) {
        JsonObject json = new JsonObject();
        json.put("name", cluster.name());
        json.put("status", cluster.status());
        json.put("region", cluster.region());
        json.put("scheduler", cluster.scheduler());
        json.put("computeFleet", cluster.computeFleet());
        cluster.created().ifPresent(created -> json.put("created", created.toString()));
        cluster.age().ifPresent(age -> json.put("ageSeconds", age.toSeconds()));
        clusters.add(json);
      }
      component.put("clusters", clusters);
      List<JsonObject> jobs = new ArrayList<>();
      for (JobWait wait : view.jobWaits()) {
        JsonObject json = new JsonObject();
        json.put("jobId", wait.jobId());
        json.put("state", wait.lastSeen());
        json.put("headNode", wait.headNode());
        jobs.add(json);
      }
      component.put("jobWaits", jobs);
      components.add(component);
    }
    JsonObject root = new JsonObject();
    root.put("components", components);
    int limit = runLimit(options);
    List<JsonObject> journals = new ArrayList<>();
    journals()
        .forEach(
            (name, journal) -> {
              List<PipelineRun> all = journal.runs();
              JsonObject json = new JsonObject();
              json.put("name", name);
              json.put("instanceId", journal.instanceId());
              json.put("total", all.size());
              json.put(
                  "runs",
                  all.subList(0, Math.min(limit, all.size())).stream()
                      .map(PclusterDevConsole::json)
                      .toList());
              journals.add(json);
            });
    root.put("pipelineJournals", journals);
    return root;
  }

  /** What the console shows of one component. */
  private record ComponentView(
      String name,
      String region,
      List<ClusterView> clusters,
      Optional<String> error,
      List<JobWait> jobWaits) {}

  /** What the console shows of one cluster; fleet and creation time only when described. */
  private record ClusterView(
      String name,
      String status,
      String region,
      String scheduler,
      String computeFleet,
      Optional<Instant> created,
      Optional<Duration> age) {}

  private List<ComponentView> views(Map<String, Object> options) {
    boolean describe = !"false".equalsIgnoreCase(String.valueOf(options.get(DESCRIBE)));
    CamelContext context = getCamelContext();
    List<ComponentView> views = new ArrayList<>();
    for (String name : context.getComponentNames().stream().sorted().toList()) {
      if (context.hasComponent(name) instanceof PclusterComponent component
          && component.isStarted()) {
        views.add(view(name, component, describe));
      }
    }
    return views;
  }

  private ComponentView view(String name, PclusterComponent component, boolean describe) {
    String region = component.getConfiguration().getRegion();
    PclusterEndpoint endpoint;
    try {
      endpoint = getCamelContext().getEndpoint(name + ":listClusters", PclusterEndpoint.class);
    } catch (RuntimeException e) {
      return new ComponentView(name, region, List.of(), Optional.of(message(e)), List.of());
    }
    List<JobWait> jobWaits =
        endpoint.getWaitService().jobWaits().stream()
            .sorted(Comparator.comparing(JobWait::jobId))
            .toList();
    try {
      List<ClusterView> clusters = clusters(endpoint.getClient(), region, describe);
      return new ComponentView(name, region, clusters, Optional.empty(), jobWaits);
    } catch (RuntimeException e) {
      return new ComponentView(name, region, List.of(), Optional.of(message(e)), jobWaits);
    }
  }

  private static List<ClusterView> clusters(
      ParallelClusterAsyncClient client, String region, boolean describe) {
    List<ClusterInfoSummary> listed =
        await(client.listAllClusters(new ListClustersRequest(region, null, null)));
    List<ClusterInfoSummary> sorted =
        listed.stream()
            .sorted(
                Comparator.comparing(
                    ClusterInfoSummary::clusterName, Comparator.nullsLast(String::compareTo)))
            .toList();
    List<CompletableFuture<Optional<DescribeClusterResponse>>> described = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      described.add(
          describe && i < MAX_DESCRIBED
              ? describe(client, sorted.get(i))
              : CompletableFuture.completedFuture(Optional.empty()));
    }
    Instant now = Instant.now();
    List<ClusterView> views = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      views.add(view(sorted.get(i), await(described.get(i)), now));
    }
    return views;
  }

  /** The cluster described, or empty when it could not be (gone meanwhile, throttled). */
  private static CompletableFuture<Optional<DescribeClusterResponse>> describe(
      ParallelClusterAsyncClient client, ClusterInfoSummary cluster) {
    return client
        .describeCluster(new DescribeClusterRequest(cluster.clusterName(), cluster.region()))
        .thenApply(Optional::of)
        .exceptionally(failure -> Optional.empty());
  }

  private static ClusterView view(
      ClusterInfoSummary listed, Optional<DescribeClusterResponse> described, Instant now) {
    Optional<Instant> created = described.map(DescribeClusterResponse::creationTime);
    return new ClusterView(
        listed.clusterName(),
        name(described.map(DescribeClusterResponse::clusterStatus).orElse(listed.clusterStatus())),
        listed.region(),
        listed.scheduler() == null ? null : listed.scheduler().type(),
        described.map(d -> name(d.computeFleetStatus())).orElse(null),
        created,
        created.map(instant -> Duration.between(instant, now)));
  }

  /** The pipeline journals of the registry, by bean name. */
  private Map<String, PipelineJournal> journals() {
    return new TreeMap<>(getCamelContext().getRegistry().findByTypeWithName(PipelineJournal.class));
  }

  private static int runLimit(Map<String, Object> options) {
    Object value = options.get(RUNS);
    if (value == null) {
      return DEFAULT_RUNS;
    }
    try {
      return Math.max(0, Integer.parseInt(value.toString().trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the pcluster console's option runs must be a number, got: " + value, e);
    }
  }

  private static JsonObject json(PipelineRun run) {
    JsonObject json = new JsonObject();
    json.put("runId", run.runId());
    json.put("pipelineId", run.pipelineId());
    json.put("state", run.state().name());
    json.put("inputBucket", run.input().bucket());
    json.put("inputKey", run.input().key());
    json.put("clusterName", run.clusterName());
    json.put("jobId", run.jobId());
    json.put("started", run.started().toString());
    json.put("ended", run.ended() == null ? null : run.ended().toString());
    run.duration().ifPresent(duration -> json.put("durationMillis", duration.toMillis()));
    json.put("resultPrefix", run.resultPrefix());
    json.put("error", run.error());
    List<JsonObject> steps = new ArrayList<>();
    for (RunStep step : run.steps()) {
      JsonObject s = new JsonObject();
      s.put("name", step.name());
      s.put("outcome", step.outcome().name());
      s.put("started", step.started().toString());
      s.put("ended", step.ended() == null ? null : step.ended().toString());
      s.put("error", step.error());
      steps.add(s);
    }
    json.put("steps", steps);
    return json;
  }

  private static Optional<RunStep> lastStep(PipelineRun run) {
    return run.steps().isEmpty()
        ? Optional.empty()
        : Optional.of(run.steps().get(run.steps().size() - 1));
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the ParallelCluster API", e);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new IllegalStateException(
          "the ParallelCluster API did not answer within " + CALL_TIMEOUT.toSeconds() + "s", e);
    } catch (ExecutionException e) {
      throw new CompletionException(e.getCause());
    }
  }

  private static String message(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause.getMessage() == null)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  private static String name(Object value) {
    return value == null ? null : value.toString();
  }

  private static String orDash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }

  /** {@code 3d4h}, {@code 2h5m}, {@code 4m10s}, {@code 12s}. */
  static String age(Duration age) {
    if (age.isNegative()) {
      return "0s";
    }
    long days = age.toDays();
    if (days > 0) {
      return days + "d" + age.toHoursPart() + "h";
    }
    if (age.toHours() > 0) {
      return age.toHours() + "h" + age.toMinutesPart() + "m";
    }
    if (age.toMinutes() > 0) {
      return age.toMinutes() + "m" + age.toSecondsPart() + "s";
    }
    return age.toSeconds() + "s";
  }

  /** The text with control characters (terminal escapes, newlines) replaced by '?'. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(c -> out.appendCodePoint(Character.isISOControl(c) || isFormat(c) ? '?' : c));
    return out.toString();
  }

  private static boolean isFormat(int codePoint) {
    return Character.getType(codePoint) == Character.FORMAT;
  }
}
