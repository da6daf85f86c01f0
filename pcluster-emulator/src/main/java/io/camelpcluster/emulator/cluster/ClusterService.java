package io.camelpcluster.emulator.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.emulator.config.ClusterConfig;
import io.camelpcluster.emulator.config.ConfigChange;
import io.camelpcluster.emulator.config.ConfigChecks;
import io.camelpcluster.emulator.config.ConfigYaml;
import io.camelpcluster.emulator.config.InstanceTypes;
import io.camelpcluster.emulator.config.UpdatePolicy;
import io.camelpcluster.emulator.config.ValidationPolicy;
import io.camelpcluster.emulator.config.ValidationReport;
import io.camelpcluster.emulator.logs.LogEventsQuery;
import io.camelpcluster.emulator.logs.LogStore;
import io.camelpcluster.emulator.logs.LogStreamFilters;
import io.camelpcluster.emulator.logs.StackEvents;
import io.camelpcluster.emulator.model.ApiException;
import io.camelpcluster.emulator.model.ApiVersion;
import io.camelpcluster.emulator.model.Change;
import io.camelpcluster.emulator.model.CloudFormationStackStatus;
import io.camelpcluster.emulator.model.ClusterInfoSummary;
import io.camelpcluster.emulator.model.ClusterInstance;
import io.camelpcluster.emulator.model.ClusterStatus;
import io.camelpcluster.emulator.model.ComputeFleetStatus;
import io.camelpcluster.emulator.model.DescribeClusterResponse;
import io.camelpcluster.emulator.model.InstanceState;
import io.camelpcluster.emulator.model.LogStream;
import io.camelpcluster.emulator.model.NodeType;
import io.camelpcluster.emulator.model.PageSizes;
import io.camelpcluster.emulator.model.Pages;
import io.camelpcluster.emulator.model.Responses;
import io.camelpcluster.emulator.model.Scheduler;
import io.camelpcluster.emulator.model.UpdateError;
import io.camelpcluster.emulator.objects.ObjectStore;
import io.camelpcluster.emulator.objects.PresignedUrls;
import io.camelpcluster.emulator.state.Durations;
import io.camelpcluster.emulator.state.Ids;
import io.camelpcluster.emulator.state.StateGuard;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The cluster operations of the API, behind its HTTP shapes: checks in the server's order, state
 * changes through {@link ClusterStateMachine}, answers as wire records. Errors are {@link
 * ApiException}s.
 */
public final class ClusterService {
  private static final DateTimeFormatter LOG_GROUP_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);
  private static final Set<InstanceState> LISTED_STATES =
      Set.of(
          InstanceState.PENDING,
          InstanceState.RUNNING,
          InstanceState.STOPPING,
          InstanceState.STOPPED);

  private final StateGuard guard;
  private final ClusterRegistry registry;
  private final LogStore logs;
  private final ObjectStore objects;
  private final PresignedUrls urls;
  private final CreateFailurePlan failurePlan;
  private final PageSizes pageSizes;
  private final ClusterStateMachine machine;

  /**
   * @param guard the state lock (this service registers its state machine with it)
   * @param registry the clusters
   * @param logs CloudWatch Logs
   * @param objects where configurations are stored
   * @param urls signs configuration URLs
   * @param durations how long operations take
   * @param failurePlan injected creation failures
   * @param pageSizes items per page
   * @param headNodeTerminated told the instance id of every head node that goes away (the cluster
   *     is deleted or rolled back); called under the state lock, so it must not block
   */
  public ClusterService(
      StateGuard guard,
      ClusterRegistry registry,
      LogStore logs,
      ObjectStore objects,
      PresignedUrls urls,
      Durations durations,
      CreateFailurePlan failurePlan,
      PageSizes pageSizes,
      Consumer<String> headNodeTerminated) {
    this.guard = guard;
    this.registry = registry;
    this.logs = logs;
    this.objects = objects;
    this.urls = urls;
    this.failurePlan = failurePlan;
    this.pageSizes = pageSizes;
    this.machine = new ClusterStateMachine(durations, registry, logs, objects, headNodeTerminated);
    guard.register(this::advance);
  }

  /** Where a cluster's configurations are stored. */
  static String objectPrefix(String region, String name) {
    return "clusters/" + region + "/" + name + "/";
  }

  /** ListClusters: one page of stacks, filtered afterwards (so a page may be short or empty). */
  public Responses.ClusterList list(String region, List<String> statuses, String nextToken) {
    return guard.read(
        now -> {
          Pages.Page<ClusterRecord> page =
              Pages.page("clusters", registry.inRegion(region), nextToken, pageSizes.clusters());
          List<ClusterInfoSummary> clusters =
              page.items().stream()
                  .map(ClusterRecord::summary)
                  .filter(s -> statuses.isEmpty() || statuses.contains(s.clusterStatus().name()))
                  .toList();
          return new Responses.ClusterList(clusters, page.nextToken());
        });
  }

  /** CreateCluster. */
  public Responses.ClusterChange create(
      String region,
      String name,
      ConfigYaml.Parsed submitted,
      ValidationPolicy policy,
      boolean dryRun,
      boolean rollbackOnFailure) {
    ObjectNode config = submitted.require();
    String yaml = submitted.text();
    guard.read(now -> requireAbsent(region, name));
    ValidationReport report = ConfigChecks.cluster(name, config, policy);
    if (dryRun) {
      throw dryRun(null, report);
    }
    ClusterRecord cluster =
        guard.write(
            now -> {
              requireAbsent(region, name);
              ClusterRecord created = newRecord(region, name, yaml, config, rollbackOnFailure, now);
              registry.add(created);
              machine.create(created, now);
              return created;
            });
    return new Responses.ClusterChange(
        summaryAt(cluster, ClusterStatus.CREATE_IN_PROGRESS), report.messagesOrNull(), null);
  }

  /** DescribeCluster. */
  public DescribeClusterResponse describe(String region, String name) {
    return guard.read(
        now -> {
          ClusterRecord cluster = require(region, name);
          ClusterStatus status = cluster.stackStatus.clusterStatus();
          return new DescribeClusterResponse(
              cluster.name,
              cluster.region,
              cluster.version,
              cluster.stackStatus,
              status,
              new Scheduler(cluster.scheduler),
              cluster.stackArn,
              cluster.creationTime,
              cluster.lastUpdatedTime,
              new DescribeClusterResponse.Url(urls.sign(cluster.configKey, now)),
              cluster.reportedFleetStatus(),
              List.copyOf(cluster.tags),
              headNode(cluster)
                  .filter(h -> LISTED_STATES.contains(h.state()))
                  .map(NodeInstance::toEc2Instance)
                  .orElse(null),
              status == ClusterStatus.CREATE_FAILED && cluster.failure != null
                  ? List.of(cluster.failure)
                  : null);
        });
  }

  /** UpdateCluster. */
  public Responses.ClusterChange update(
      String region,
      String name,
      ConfigYaml.Parsed submitted,
      ValidationPolicy policy,
      boolean dryRun,
      boolean force) {
    submitted.requireNotEmpty();
    UpdateBase base =
        guard.read(
            now -> {
              ClusterRecord cluster = require(region, name);
              requireUpdatable(cluster);
              return new UpdateBase(cluster.config, cluster.fleetStatus);
            });
    ObjectNode config = submitted.require();
    ValidationReport report = ConfigChecks.cluster(name, config, policy);
    List<ConfigChange> changes = ConfigChange.diff(base.config(), config);
    List<Change> changeSet = changes.stream().map(ConfigChange::toChange).toList();
    boolean fleetStopped =
        base.fleet() == ComputeFleetStatus.STOPPED || base.fleet() == ComputeFleetStatus.DISABLED;
    List<UpdateError> refused =
        UpdatePolicy.check(
            changes, fleetStopped, new ClusterConfig(config).queueUpdateStrategy().isPresent());
    if (!refused.isEmpty() && !force) {
      throw ApiException.withBody(
          400, new Responses.Error("Update failure", null, refused, changeSet, null));
    }
    if (changes.isEmpty() && !force) {
      throw ApiException.badRequest("No changes found in your cluster configuration.");
    }
    if (dryRun) {
      throw dryRun(changeSet, report);
    }
    ClusterRecord cluster =
        guard.write(
            now -> {
              ClusterRecord current = require(region, name);
              requireUpdatable(current);
              String key =
                  objectPrefix(region, name) + (++current.configVersions) + "/cluster-config.yaml";
              objects.put(key, submitted.text());
              machine.update(current, config, key, now);
              return current;
            });
    return new Responses.ClusterChange(
        summaryAt(cluster, ClusterStatus.UPDATE_IN_PROGRESS), report.messagesOrNull(), changeSet);
  }

  /** DeleteCluster: idempotent, allowed in any state. */
  public Responses.ClusterChange delete(String region, String name) {
    ClusterRecord cluster =
        guard.write(
            now -> {
              ClusterRecord found =
                  registry
                      .find(region, name)
                      .orElseThrow(
                          () ->
                              ApiException.notFound(
                                  notFoundMessage(name)
                                      + " In case you have running instances belonging to a"
                                      + " deleted cluster please use the DeleteClusterInstances"
                                      + " API."));
              machine.delete(found, now);
              return found;
            });
    return new Responses.ClusterChange(
        summaryAt(cluster, ClusterStatus.DELETE_IN_PROGRESS), null, null);
  }

  /** The head node with this instance id of a cluster of the region, if it is running. */
  public Optional<NodeInstance> runningHeadNode(String region, String instanceId) {
    return guard.read(
        now ->
            registry.inRegion(region).stream()
                .flatMap(c -> headNode(c).stream())
                .filter(h -> h.instanceId().equals(instanceId))
                .filter(h -> h.state() == InstanceState.RUNNING)
                .findFirst());
  }

  /** DescribeComputeFleet. */
  public Responses.ComputeFleet describeFleet(String region, String name) {
    return guard.read(now -> fleet(require(region, name)));
  }

  /** UpdateComputeFleet, with the server's rules on allowed and no-op transitions. */
  public Responses.ComputeFleet updateFleet(String region, String name, String requested) {
    return guard.write(
        now -> {
          ClusterRecord cluster = require(region, name);
          boolean start;
          if (cluster.awsBatch()) {
            if (!requested.equals("ENABLED") && !requested.equals("DISABLED")) {
              throw ApiException.badRequest(
                  "the update compute fleet status can only be set to `ENABLED` or `DISABLED`"
                      + " for AWS Batch scheduler clusters.");
            }
            start = requested.equals("ENABLED");
          } else {
            if (!requested.equals("START_REQUESTED") && !requested.equals("STOP_REQUESTED")) {
              throw ApiException.badRequest(
                  "the update compute fleet status can only be set to `START_REQUESTED` or"
                      + " `STOP_REQUESTED` for Slurm scheduler clusters.");
            }
            start = requested.equals("START_REQUESTED");
          }
          String verb = start ? "starting" : "stopping";
          if (!cluster.stackStatus.fleetOperable()) {
            throw ApiException.badRequest(
                "Failed when "
                    + verb
                    + " compute fleet with error: Cannot "
                    + (start ? "start/enable" : "stop/disable")
                    + " compute fleet while stack is in "
                    + cluster.stackStatus
                    + " status.");
          }
          if (cluster.fleetStatus == null) {
            throw ApiException.internal(
                "Failed when "
                    + verb
                    + " compute fleet with error: Could not retrieve compute fleet status.");
          }
          ComputeFleetStatus target = fleetTarget(cluster, start);
          if (target != null) {
            machine.requestFleet(cluster, target, now);
          }
          return fleet(cluster);
        });
  }

  /** DescribeClusterInstances: no existence check, only live instances. */
  public Responses.InstanceList instances(
      String region, String name, String nodeType, String queueName, String nextToken) {
    return guard.read(
        now -> {
          List<ClusterInstance> instances =
              registry.find(region, name).stream()
                  .flatMap(c -> c.instances.stream())
                  .filter(i -> LISTED_STATES.contains(i.state()))
                  .filter(i -> nodeType == null || i.nodeType().name().equals(nodeType))
                  .filter(i -> queueName == null || queueName.equals(i.queueName()))
                  .sorted(
                      Comparator.comparing((NodeInstance i) -> i.nodeType() != NodeType.HeadNode)
                          .thenComparing(NodeInstance::launchTime))
                  .map(NodeInstance::toClusterInstance)
                  .toList();
          Pages.Page<ClusterInstance> page =
              Pages.page("instances", instances, nextToken, pageSizes.instances());
          return new Responses.InstanceList(page.items(), page.nextToken());
        });
  }

  /** DeleteClusterInstances: terminates the compute nodes. */
  public void deleteInstances(String region, String name, boolean force) {
    guard.write(
        now -> {
          Optional<ClusterRecord> found = registry.find(region, name);
          if (found.isEmpty()) {
            if (force) {
              return null;
            }
            throw ApiException.notFound(
                notFoundMessage(name)
                    + " To force the deletion of all compute nodes, please use the `force`"
                    + " param.");
          }
          if (found.get().awsBatch()) {
            throw ApiException.badRequest(
                "the delete cluster instances operation does not support AWS Batch clusters.");
          }
          machine.terminateComputeNodes(found.get(), now);
          return null;
        });
  }

  /** ListClusterLogStreams. */
  public Responses.LogStreamList logStreams(
      String region, String name, LogStreamFilters filters, String nextToken) {
    return guard.read(
        now -> {
          ClusterRecord cluster = requireLogging(region, name);
          String prefix =
              filters.streamPrefix(() -> headNode(cluster).map(NodeInstance::privateDnsShort));
          Pages.Page<LogStream> page =
              Pages.page(
                  "logstreams",
                  logs.streams(cluster.logGroup, prefix),
                  nextToken,
                  pageSizes.logStreams());
          return new Responses.LogStreamList(page.items(), page.nextToken());
        });
  }

  /** GetClusterLogEvents. */
  public Responses.LogEventPage logEvents(
      String region, String name, String stream, LogEventsQuery query) {
    return guard.read(
        now -> {
          ClusterRecord cluster = requireLogging(region, name);
          return query.page(
              logs.events(cluster.logGroup, stream)
                  .orElseThrow(
                      () ->
                          ApiException.notFound(
                              "The specified log stream " + stream + " does not exist.")));
        });
  }

  /** GetClusterStackEvents: newest first. */
  public Responses.StackEventPage stackEvents(String region, String name, String nextToken) {
    return guard.read(
        now ->
            StackEvents.page(
                require(region, name).stackEvents, nextToken, pageSizes.stackEvents()));
  }

  private boolean advance(Instant now) {
    boolean changed = false;
    for (ClusterRecord cluster : registry.all()) {
      changed |= machine.advance(cluster, now);
    }
    return changed;
  }

  private ClusterRecord newRecord(
      String region,
      String name,
      String yaml,
      ObjectNode config,
      boolean rollbackOnFailure,
      Instant now) {
    ClusterConfig view = new ClusterConfig(config);
    ClusterRecord cluster = new ClusterRecord();
    cluster.name = name;
    cluster.region = region;
    cluster.version = ApiVersion.CURRENT;
    cluster.stackArn =
        "arn:"
            + Ids.partition(region)
            + ":cloudformation:"
            + region
            + ":"
            + Ids.ACCOUNT
            + ":stack/"
            + name
            + "/"
            + Ids.uuid();
    cluster.scheduler = view.scheduler();
    cluster.creationTime = now;
    cluster.lastUpdatedTime = now;
    cluster.tags = ClusterStateMachine.stackTags(view, name, cluster.version);
    cluster.config = config;
    cluster.configVersions = 1;
    cluster.configKey = objectPrefix(region, name) + "1/cluster-config.yaml";
    objects.put(cluster.configKey, yaml);
    cluster.rollbackOnFailure = rollbackOnFailure;
    cluster.plannedFailure = plannedFailure(view);
    cluster.logGroup =
        view.cloudWatchEnabled()
            ? "/aws/parallelcluster/" + name + "-" + LOG_GROUP_STAMP.format(now)
            : null;
    return cluster;
  }

  private CreateFailure plannedFailure(ClusterConfig config) {
    if (!InstanceTypes.supported(config.headNodeInstanceType())) {
      return CreateFailure.unsupportedInstanceType(
          "HeadNode", "AWS::EC2::Instance", config.headNodeInstanceType());
    }
    for (ClusterConfig.Queue queue : config.queues()) {
      for (ClusterConfig.ComputeResource cr : queue.computeResources()) {
        for (String type : cr.instanceTypes()) {
          if (!InstanceTypes.supported(type)) {
            return CreateFailure.unsupportedInstanceType(
                "LaunchTemplate" + capitalize(queue.name()) + capitalize(cr.name()),
                "AWS::EC2::LaunchTemplate",
                type);
          }
        }
      }
    }
    return config
        .requestedCreateFailure()
        .or(failurePlan::nextCreateFailure)
        .map(CreateFailure::ofCode)
        .orElse(null);
  }

  private static String capitalize(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("-")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  private Void requireAbsent(String region, String name) {
    if (registry.find(region, name).isPresent()) {
      throw ApiException.badRequest("Cluster " + name + " already exists.");
    }
    return null;
  }

  private ClusterRecord require(String region, String name) {
    return registry
        .find(region, name)
        .orElseThrow(() -> ApiException.notFound(notFoundMessage(name)));
  }

  private ClusterRecord requireLogging(String region, String name) {
    ClusterRecord cluster = require(region, name);
    if (cluster.logGroup == null) {
      throw ApiException.badRequest("CloudWatch logging is not enabled for cluster " + name + ".");
    }
    return cluster;
  }

  private static void requireUpdatable(ClusterRecord cluster) {
    if (cluster.stackStatus.inProgress()) {
      throw ApiException.conflict(
          "Cannot execute update while stack is in " + cluster.stackStatus + " status.");
    }
    if (!cluster.stackStatus.fleetOperable()) {
      throw ApiException.badRequest(
          "Stack:"
              + cluster.stackArn
              + " is in "
              + cluster.stackStatus
              + " state and can not be updated.");
    }
  }

  private static String notFoundMessage(String name) {
    return "Cluster '"
        + name
        + "' does not exist or belongs to an incompatible ParallelCluster major version.";
  }

  private static ClusterInfoSummary summaryAt(ClusterRecord cluster, ClusterStatus status) {
    ClusterInfoSummary summary = cluster.summary();
    return new ClusterInfoSummary(
        summary.clusterName(),
        summary.region(),
        summary.version(),
        summary.cloudformationStackArn(),
        CloudFormationStackStatus.valueOf(status.name()),
        status,
        summary.scheduler());
  }

  private static ApiException dryRun(List<Change> changeSet, ValidationReport report) {
    return ApiException.withBody(
        412,
        new Responses.Error(
            "Request would have succeeded, but DryRun flag is set.",
            null,
            null,
            changeSet,
            report.messagesOrNull()));
  }

  private static Responses.ComputeFleet fleet(ClusterRecord cluster) {
    ComputeFleetStatus status = cluster.reportedFleetStatus();
    Instant updated =
        cluster.awsBatch() || status == ComputeFleetStatus.UNKNOWN
            ? null
            : cluster.fleetStatusUpdatedTime;
    return new Responses.ComputeFleet(status, updated);
  }

  /** The status to write for a start or stop request, or null when it is a no-op. */
  private static ComputeFleetStatus fleetTarget(ClusterRecord cluster, boolean start) {
    ComputeFleetStatus current = cluster.fleetStatus;
    if (cluster.awsBatch()) {
      ComputeFleetStatus target = start ? ComputeFleetStatus.ENABLED : ComputeFleetStatus.DISABLED;
      return current == target ? null : target;
    }
    if (start) {
      return switch (current) {
        case STOPPED, STOP_REQUESTED, STOPPING, PROTECTED -> ComputeFleetStatus.START_REQUESTED;
        default -> null;
      };
    }
    return switch (current) {
      case RUNNING, START_REQUESTED, STARTING, PROTECTED -> ComputeFleetStatus.STOP_REQUESTED;
      default -> null;
    };
  }

  private static Optional<NodeInstance> headNode(ClusterRecord cluster) {
    return cluster.instances.stream().filter(i -> i.nodeType() == NodeType.HeadNode).findFirst();
  }

  private record UpdateBase(ObjectNode config, ComputeFleetStatus fleet) {}
}
