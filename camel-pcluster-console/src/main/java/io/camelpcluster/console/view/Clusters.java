package io.camelpcluster.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelpcluster.console.http.ApiException;
import io.camelpcluster.console.http.ApiRequest;
import io.camelpcluster.console.security.ConsolePrincipal;
import io.camelpcluster.pcluster.PclusterConstants;
import io.camelpcluster.pcluster.api.SafeYaml;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterInstance;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.ComputeFleetResponse;
import io.camelpcluster.pcluster.api.model.ConfigValidationMessage;
import io.camelpcluster.pcluster.api.model.CreateClusterResponse;
import io.camelpcluster.pcluster.api.model.DeleteClusterResponse;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.DryRunResult;
import io.camelpcluster.pcluster.api.model.LogEvent;
import io.camelpcluster.pcluster.api.model.LogEventsResponse;
import io.camelpcluster.pcluster.api.model.LogStream;
import io.camelpcluster.pcluster.api.model.LogStreamsResponse;
import io.camelpcluster.pcluster.api.model.RequestedComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.StackEvent;
import io.camelpcluster.pcluster.api.model.StackEventsResponse;
import io.camelpcluster.pcluster.api.model.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster side of the console: listing (cached for a short while), details, fleet, instances,
 * stack events, logs, configuration, create and delete, all through {@code pcluster:} endpoints.
 */
public final class Clusters {
  private static final Logger LOG = LoggerFactory.getLogger(Clusters.class);

  /** The tag naming the console user who created a cluster. */
  public static final String CREATED_BY_TAG = "camel-pcluster:console-user";

  private final PclusterCalls calls;
  private final Map<String, String> templates;
  private final Duration cacheTtl;
  private final Clock clock;
  private final ConfigurationFetcher fetcher = new ConfigurationFetcher();
  private final Map<String, Queues> queues = new ConcurrentHashMap<>();
  private final Object listLock = new Object();
  private volatile Listing listing;

  private record Listing(Instant at, List<ClusterView> clusters) {}

  private record Queues(Instant lastUpdated, List<String> names) {}

  /** A create request of the form: a template by name, overrides, extra tags, and dry run. */
  public record CreateForm(
      String clusterName,
      String template,
      Map<String, Object> overrides,
      Map<String, String> tags,
      boolean dryRun) {}

  /** The answer to a create or its dry run. */
  public record CreateResult(
      String clusterName,
      boolean dryRun,
      ClusterStatus status,
      String message,
      List<ConfigValidationMessage> validationMessages) {}

  /** A delete request: the cluster's name typed again. */
  public record DeleteForm(String confirm) {}

  /** A fleet request: {@code start} or {@code stop}. */
  public record FleetForm(String action) {}

  /** A template offered by the create form. */
  public record TemplateView(String name) {}

  public Clusters(
      PclusterCalls calls, Map<String, String> templates, Duration cacheTtl, Clock clock) {
    this.calls = calls;
    this.templates = Map.copyOf(templates);
    this.cacheTtl = cacheTtl;
    this.clock = clock;
  }

  public List<TemplateView> templates() {
    return templates.keySet().stream().sorted().map(TemplateView::new).toList();
  }

  /** All clusters, from a listing at most {@code cacheTtl} old. */
  public List<ClusterView> list() throws Exception {
    Listing current = listing;
    if (current != null && fresh(current)) {
      return current.clusters();
    }
    synchronized (listLock) {
      current = listing;
      if (current != null && fresh(current)) {
        return current.clusters();
      }
      Instant at = clock.instant();
      List<ClusterView> clusters = fetchAll();
      listing = new Listing(at, clusters);
      return clusters;
    }
  }

  private boolean fresh(Listing current) {
    return Duration.between(current.at(), clock.instant()).compareTo(cacheTtl) < 0;
  }

  /** Forgets the cached listing (after a change made from the console). */
  public void invalidate() {
    listing = null;
  }

  @SuppressWarnings("unchecked")
  private List<ClusterView> fetchAll() throws Exception {
    List<ClusterInfoSummary> summaries =
        calls.call("pcluster:listClusters?allPages=true", Map.of(), null).getBody(List.class);
    List<CompletableFuture<Message>> described = new ArrayList<>();
    for (ClusterInfoSummary summary : summaries) {
      described.add(calls.onClusterAsync("pcluster:describeCluster", summary.clusterName()));
    }
    List<ClusterView> views = new ArrayList<>();
    for (int i = 0; i < summaries.size(); i++) {
      ClusterInfoSummary summary = summaries.get(i);
      DescribeClusterResponse description;
      try {
        description = described.get(i).join().getBody(DescribeClusterResponse.class);
      } catch (RuntimeException e) {
        // deleted in between, or throttled: show what the listing knows
        LOG.debug("describing {} for the console failed: {}", summary.clusterName(), e.toString());
        views.add(fromSummary(summary));
        continue;
      }
      views.add(view(description));
    }
    return List.copyOf(views);
  }

  private static ClusterView fromSummary(ClusterInfoSummary summary) {
    return new ClusterView(
        summary.clusterName(),
        summary.clusterStatus(),
        summary.cloudformationStackStatus(),
        summary.region(),
        summary.version(),
        summary.scheduler() == null ? null : summary.scheduler().type(),
        null,
        null,
        null,
        null,
        List.of(),
        Map.of(),
        List.of());
  }

  private ClusterView view(DescribeClusterResponse d) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (Tag tag : d.tags()) {
      tags.put(tag.key(), tag.value());
    }
    return new ClusterView(
        d.clusterName(),
        d.clusterStatus(),
        d.cloudFormationStackStatus(),
        d.region(),
        d.version(),
        d.scheduler() == null ? null : d.scheduler().type(),
        d.creationTime(),
        d.lastUpdatedTime(),
        d.computeFleetStatus(),
        d.headNode(),
        queuesOf(d),
        tags,
        d.failures().stream().map(f -> f.failureCode() + ": " + f.failureReason()).toList());
  }

  /** The queue names of a cluster's configuration, fetched once per update of the cluster. */
  private List<String> queuesOf(DescribeClusterResponse d) {
    if (d.clusterStatus() == ClusterStatus.DELETE_IN_PROGRESS
        || d.clusterConfiguration() == null
        || !d.clusterConfiguration().isAvailable()) {
      return List.of();
    }
    Queues known = queues.get(d.clusterName());
    if (known != null && known.lastUpdated().equals(d.lastUpdatedTime())) {
      return known.names();
    }
    try {
      List<String> names = queueNames(fetcher.fetch(d.clusterName(), d.clusterConfiguration()));
      if (d.lastUpdatedTime() != null) {
        queues.put(d.clusterName(), new Queues(d.lastUpdatedTime(), names));
      }
      return names;
    } catch (Exception e) {
      LOG.debug("reading the queues of {} failed: {}", d.clusterName(), e.toString());
      return List.of();
    }
  }

  static List<String> queueNames(String yaml) {
    JsonNode scheduling = SafeYaml.parseMapping(yaml).path("Scheduling");
    List<String> names = new ArrayList<>();
    for (String list : List.of("SlurmQueues", "AwsBatchQueues")) {
      for (JsonNode queue : scheduling.path(list)) {
        if (queue.path("Name").isTextual()) {
          names.add(queue.path("Name").asText());
        }
      }
    }
    return List.copyOf(names);
  }

  public ClusterView details(String name) throws Exception {
    return view(describe(name));
  }

  private DescribeClusterResponse describe(String name) throws Exception {
    return calls
        .onCluster("pcluster:describeCluster", name, Map.of())
        .getBody(DescribeClusterResponse.class);
  }

  @SuppressWarnings("unchecked")
  public List<ClusterInstance> instances(String name) throws Exception {
    return calls
        .onCluster("pcluster:describeClusterInstances?allPages=true", name, Map.of())
        .getBody(List.class);
  }

  /** The newest page of the cluster's stack events (newest first). */
  public List<StackEvent> stackEvents(String name) throws Exception {
    return calls
        .onCluster("pcluster:getClusterStackEvents", name, Map.of())
        .getBody(StackEventsResponse.class)
        .events();
  }

  /** The first page of the cluster's log streams. */
  public List<LogStream> logStreams(String name) throws Exception {
    return calls
        .onCluster("pcluster:listClusterLogStreams", name, Map.of())
        .getBody(LogStreamsResponse.class)
        .logStreams();
  }

  /** The latest events of one log stream, oldest first. */
  public List<LogEvent> logEvents(String name, String stream, int limit) throws Exception {
    if (stream.length() > 512 || stream.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest("invalid log stream name");
    }
    return calls
        .onCluster(
            "pcluster:getClusterLogEvents",
            name,
            Map.of(
                PclusterConstants.LOG_STREAM_NAME, stream,
                PclusterConstants.LIMIT, limit,
                PclusterConstants.START_FROM_HEAD, false))
        .getBody(LogEventsResponse.class)
        .events();
  }

  /** The configuration YAML the cluster was created or last updated with. */
  public Map<String, String> configuration(String name) throws Exception {
    DescribeClusterResponse d = describe(name);
    return Map.of("clusterName", name, "yaml", fetcher.fetch(name, d.clusterConfiguration()));
  }

  public ComputeFleetResponse fleet(String name, FleetForm form) throws Exception {
    String action = form.action() == null ? "" : form.action();
    boolean batch = "awsbatch".equals(describe(name).scheduler().type());
    RequestedComputeFleetStatus requested =
        switch (action) {
          case "start" ->
              batch
                  ? RequestedComputeFleetStatus.ENABLED
                  : RequestedComputeFleetStatus.START_REQUESTED;
          case "stop" ->
              batch
                  ? RequestedComputeFleetStatus.DISABLED
                  : RequestedComputeFleetStatus.STOP_REQUESTED;
          default -> throw ApiException.badRequest("action must be start or stop");
        };
    ComputeFleetResponse answer =
        calls
            .onCluster(
                "pcluster:updateComputeFleet",
                name,
                Map.of(PclusterConstants.REQUESTED_COMPUTE_FLEET_STATUS, requested))
            .getBody(ComputeFleetResponse.class);
    invalidate();
    return answer;
  }

  /** Creates a cluster from a configured template, or only validates it (dry run). */
  public CreateResult create(CreateForm form, ConsolePrincipal principal) throws Exception {
    String name = ApiRequest.requireClusterName(form.clusterName());
    String location = form.template() == null ? null : templates.get(form.template());
    if (location == null) {
      throw ApiException.badRequest("unknown template; choose one of " + templates.keySet());
    }
    Map<String, Object> overrides = new LinkedHashMap<>();
    if (form.overrides() != null) {
      form.overrides()
          .forEach(
              (path, value) -> {
                if (path == null || path.isBlank()) {
                  throw ApiException.badRequest("an override needs a path");
                }
                if (value != null
                    && !(value instanceof String
                        || value instanceof Number
                        || value instanceof Boolean)) {
                  throw ApiException.badRequest(
                      "the value of override " + path + " must be text, a number or a boolean");
                }
                overrides.put(path.trim(), value);
              });
    }
    Map<String, String> tags = new LinkedHashMap<>();
    if (form.tags() != null) {
      form.tags()
          .forEach(
              (key, value) -> {
                if (key == null || key.isBlank() || value == null) {
                  throw ApiException.badRequest("a tag needs a key and a value");
                }
                tags.put(key, value);
              });
    }
    tags.put(CREATED_BY_TAG, principal.name());
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put(PclusterConstants.CLUSTER_NAME, name);
    headers.put(PclusterConstants.CONFIG_TEMPLATE, location);
    headers.put(PclusterConstants.CONFIG_OVERRIDES, overrides);
    headers.put(PclusterConstants.CLUSTER_TAGS, tags);
    headers.put(PclusterConstants.DRY_RUN, form.dryRun());
    Message answer = calls.call("pcluster:createCluster", headers, null);
    if (form.dryRun()) {
      DryRunResult result = answer.getBody(DryRunResult.class);
      return new CreateResult(name, true, null, result.message(), result.validationMessages());
    }
    CreateClusterResponse created = answer.getBody(CreateClusterResponse.class);
    invalidate();
    LOG.info("console user {} created cluster {}", principal.name(), name);
    return new CreateResult(
        name,
        false,
        created.cluster() == null ? null : created.cluster().clusterStatus(),
        "creation started",
        created.validationMessages());
  }

  /** Deletes a cluster whose name was typed again as the confirmation. */
  public ClusterInfoSummary delete(String name, DeleteForm form, ConsolePrincipal principal)
      throws Exception {
    if (form == null || !name.equals(form.confirm())) {
      throw ApiException.badRequest("type the cluster's name exactly to confirm the deletion");
    }
    DeleteClusterResponse answer =
        calls
            .onCluster("pcluster:deleteCluster", name, Map.of())
            .getBody(DeleteClusterResponse.class);
    invalidate();
    queues.remove(name);
    LOG.info("console user {} deleted cluster {}", principal.name(), name);
    return answer.cluster();
  }
}
