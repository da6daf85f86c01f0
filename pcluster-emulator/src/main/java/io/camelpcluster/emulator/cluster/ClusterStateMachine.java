package io.camelpcluster.emulator.cluster;

import static io.camelpcluster.emulator.model.ResourceStatus.CREATE_COMPLETE;
import static io.camelpcluster.emulator.model.ResourceStatus.CREATE_FAILED;
import static io.camelpcluster.emulator.model.ResourceStatus.CREATE_IN_PROGRESS;
import static io.camelpcluster.emulator.model.ResourceStatus.DELETE_COMPLETE;
import static io.camelpcluster.emulator.model.ResourceStatus.DELETE_IN_PROGRESS;
import static io.camelpcluster.emulator.model.ResourceStatus.UPDATE_COMPLETE;
import static io.camelpcluster.emulator.model.ResourceStatus.UPDATE_IN_PROGRESS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.emulator.config.ClusterConfig;
import io.camelpcluster.emulator.logs.LogStore;
import io.camelpcluster.emulator.logs.StackEvents;
import io.camelpcluster.emulator.model.CloudFormationStackStatus;
import io.camelpcluster.emulator.model.ComputeFleetStatus;
import io.camelpcluster.emulator.model.Failure;
import io.camelpcluster.emulator.model.InstanceState;
import io.camelpcluster.emulator.model.NodeType;
import io.camelpcluster.emulator.model.Tag;
import io.camelpcluster.emulator.objects.ObjectStore;
import io.camelpcluster.emulator.state.Durations;
import io.camelpcluster.emulator.state.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The life of a cluster: what each operation starts, and the time-driven transitions that follow
 * (applied lazily by {@link #advance}, each at its own due time, so the stack events and logs tell
 * the story with the right timestamps).
 */
final class ClusterStateMachine {
  /** At most this many static nodes are run per cluster (an emulator limit). */
  static final int MAX_STATIC_NODES = 1000;

  private static final String HEAD_NODE = "HeadNode";
  private static final String HEAD_NODE_SG = "HeadNodeSecurityGroup";
  private static final String WAIT_CONDITION = "HeadNodeWaitCondition";

  private final Durations durations;
  private final ClusterRegistry registry;
  private final LogStore logStore;
  private final ObjectStore objects;
  private final ClusterLogs logs;
  private final Consumer<String> headNodeTerminated;

  ClusterStateMachine(
      Durations durations,
      ClusterRegistry registry,
      LogStore logStore,
      ObjectStore objects,
      Consumer<String> headNodeTerminated) {
    this.durations = durations;
    this.registry = registry;
    this.logStore = logStore;
    this.objects = objects;
    this.logs = new ClusterLogs(logStore);
    this.headNodeTerminated = headNodeTerminated;
  }

  /** Starts creating a registered cluster. */
  void create(ClusterRecord cluster, Instant now) {
    cluster.stackStatus = CloudFormationStackStatus.CREATE_IN_PROGRESS;
    StackEvents events = events(cluster);
    events.stack("CREATE_IN_PROGRESS", "User Initiated", now);
    events.resource(HEAD_NODE_SG, null, "AWS::EC2::SecurityGroup", CREATE_IN_PROGRESS, null, now);
    events.resource(
        HEAD_NODE_SG, Ids.ec2("sg"), "AWS::EC2::SecurityGroup", CREATE_COMPLETE, null, now);
    events.resource(HEAD_NODE, null, "AWS::EC2::Instance", CREATE_IN_PROGRESS, null, now);
    events.resource(
        WAIT_CONDITION, null, "AWS::CloudFormation::WaitCondition", CREATE_IN_PROGRESS, null, now);
    if (cluster.logGroup != null) {
      logStore.createGroup(
          cluster.logGroup,
          "arn:" + partition(cluster) + ":logs:" + cluster.region + ":" + Ids.ACCOUNT,
          now);
    }
    CreateFailure failure = cluster.plannedFailure;
    if (failure != null && HEAD_NODE.equals(failure.failedResource())) {
      schedule(
          cluster, now.plus(durations.create().dividedBy(3)), ScheduledStep.Kind.CREATE_FAILED);
      return;
    }
    ClusterConfig config = new ClusterConfig(cluster.config);
    cluster.instances.add(
        new NodeInstance(
            Ids.ec2("i"),
            config.headNodeInstanceType(),
            now,
            nextAddress(cluster),
            publicAddress(),
            InstanceState.PENDING,
            NodeType.HeadNode,
            null,
            null));
    schedule(
        cluster, now.plus(durations.create().dividedBy(2)), ScheduledStep.Kind.HEAD_NODE_RUNNING);
    schedule(
        cluster,
        now.plus(durations.create()),
        failure == null ? ScheduledStep.Kind.CREATE_COMPLETE : ScheduledStep.Kind.CREATE_FAILED);
  }

  /** Starts updating a cluster to a new configuration. */
  void update(ClusterRecord cluster, ObjectNode config, String configKey, Instant now) {
    cluster.stackStatus = CloudFormationStackStatus.UPDATE_IN_PROGRESS;
    cluster.lastUpdatedTime = now;
    cluster.pendingConfig = config;
    cluster.pendingConfigKey = configKey;
    events(cluster).stack("UPDATE_IN_PROGRESS", "User Initiated", now);
    events(cluster)
        .resource(
            "UpdateWaitCondition",
            null,
            "AWS::CloudFormation::WaitCondition",
            CREATE_IN_PROGRESS,
            null,
            now);
    logs.update(cluster, "Updating the cluster configuration", now);
    schedule(cluster, now.plus(durations.update()), ScheduledStep.Kind.UPDATE_COMPLETE);
  }

  /** Starts deleting a cluster; a no-op when it is already being deleted. */
  void delete(ClusterRecord cluster, Instant now) {
    if (cluster.stackStatus == CloudFormationStackStatus.DELETE_IN_PROGRESS) {
      return;
    }
    cluster.steps.clear();
    cluster.stackStatus = CloudFormationStackStatus.DELETE_IN_PROGRESS;
    StackEvents events = events(cluster);
    events.stack("DELETE_IN_PROGRESS", "User Initiated", now);
    head(cluster)
        .ifPresent(
            head -> {
              events.resource(
                  HEAD_NODE,
                  head.instanceId(),
                  "AWS::EC2::Instance",
                  DELETE_IN_PROGRESS,
                  null,
                  now);
              headNodeTerminated.accept(head.instanceId());
            });
    cluster.instances.clear();
    schedule(cluster, now.plus(durations.delete()), ScheduledStep.Kind.DELETE_COMPLETE);
  }

  /** Writes a requested fleet status; Slurm's daemon then moves it along over time. */
  void requestFleet(ClusterRecord cluster, ComputeFleetStatus requested, Instant now) {
    ComputeFleetStatus previous = cluster.fleetStatus;
    cluster.fleetStatus = requested;
    if (cluster.awsBatch()) {
      return;
    }
    cluster.fleetStatusUpdatedTime = now;
    cluster.steps.removeIf(step -> step.kind().fleet());
    Duration half = durations.fleetTransition().dividedBy(2);
    schedule(cluster, now.plus(half), ScheduledStep.Kind.FLEET_PROGRESS);
    schedule(cluster, now.plus(durations.fleetTransition()), ScheduledStep.Kind.FLEET_PROGRESS);
    logs.fleetStatusChanged(cluster, previous, requested, now);
  }

  /** Terminates the compute nodes; Slurm replaces the static ones later if the fleet runs. */
  void terminateComputeNodes(ClusterRecord cluster, Instant now) {
    List<NodeInstance> compute = computeNodes(cluster);
    cluster.instances.removeAll(compute);
    logs.computeNodesTerminated(cluster, compute, "DeleteClusterInstances requested.", now);
    if (cluster.fleetStatus == ComputeFleetStatus.RUNNING) {
      schedule(
          cluster, now.plus(durations.fleetTransition()), ScheduledStep.Kind.STATIC_NODES_REPLACED);
    }
  }

  /** Applies every step that is due, in time order; returns whether anything changed. */
  boolean advance(ClusterRecord cluster, Instant now) {
    boolean changed = false;
    while (true) {
      ScheduledStep next =
          cluster.steps.stream().min(Comparator.comparing(ScheduledStep::due)).orElse(null);
      if (next == null || next.due().isAfter(now)) {
        return changed;
      }
      cluster.steps.remove(next);
      apply(cluster, next);
      changed = true;
    }
  }

  private void apply(ClusterRecord cluster, ScheduledStep step) {
    Instant at = step.due();
    switch (step.kind()) {
      case HEAD_NODE_RUNNING -> headNodeRunning(cluster, at);
      case CREATE_COMPLETE -> createComplete(cluster, at);
      case CREATE_FAILED -> createFailed(cluster, at);
      case ROLLBACK_COMPLETE -> rollbackComplete(cluster, at);
      case UPDATE_COMPLETE -> updateComplete(cluster, at);
      case DELETE_COMPLETE -> deleteComplete(cluster);
      case FLEET_PROGRESS -> fleetProgress(cluster, at);
      case STATIC_NODES_REPLACED -> {
        if (cluster.fleetStatus == ComputeFleetStatus.RUNNING) {
          launchStaticNodes(cluster, at);
        }
      }
    }
  }

  private void headNodeRunning(ClusterRecord cluster, Instant at) {
    head(cluster)
        .ifPresent(
            head -> {
              NodeInstance running = head.withState(InstanceState.RUNNING);
              cluster.instances.set(cluster.instances.indexOf(head), running);
              events(cluster)
                  .resource(
                      HEAD_NODE,
                      head.instanceId(),
                      "AWS::EC2::Instance",
                      CREATE_COMPLETE,
                      null,
                      at);
              logs.headNodeLaunched(cluster, running, at);
            });
  }

  private void createComplete(ClusterRecord cluster, Instant at) {
    StackEvents events = events(cluster);
    events.resource(
        WAIT_CONDITION,
        "arn:"
            + partition(cluster)
            + ":cloudformation:"
            + cluster.region
            + ":"
            + Ids.ACCOUNT
            + ":stack/"
            + cluster.name
            + "/"
            + WAIT_CONDITION,
        "AWS::CloudFormation::WaitCondition",
        CREATE_COMPLETE,
        null,
        at);
    events.stack("CREATE_COMPLETE", null, at);
    cluster.stackStatus = CloudFormationStackStatus.CREATE_COMPLETE;
    logs.headNodeConfigured(cluster, at);
    if (cluster.awsBatch()) {
      cluster.fleetStatus = ComputeFleetStatus.ENABLED;
    } else {
      cluster.fleetStatus = ComputeFleetStatus.RUNNING;
      cluster.fleetStatusUpdatedTime = at;
      launchStaticNodes(cluster, at);
    }
  }

  private void createFailed(ClusterRecord cluster, Instant at) {
    CreateFailure failure = cluster.plannedFailure;
    StackEvents events = events(cluster);
    List<String> failed = new ArrayList<>();
    if (failure.failedResource() != null) {
      events.resource(
          failure.failedResource(),
          null,
          failure.failedResourceType(),
          CREATE_FAILED,
          failure.failedResourceReason(),
          at);
      failed.add(failure.failedResource());
    }
    events.resource(
        WAIT_CONDITION,
        null,
        "AWS::CloudFormation::WaitCondition",
        CREATE_FAILED,
        failure.waitConditionReason(),
        at);
    failed.add(WAIT_CONDITION);
    cluster.failure = new Failure(failure.failureCode(), failure.failureReason());
    logs.createFailed(cluster, failure, at);
    String reason = "The following resource(s) failed to create: " + failed + ".";
    if (cluster.rollbackOnFailure) {
      cluster.stackStatus = CloudFormationStackStatus.ROLLBACK_IN_PROGRESS;
      events.stack("ROLLBACK_IN_PROGRESS", reason + " Rollback requested by user.", at);
      schedule(cluster, at.plus(durations.delete()), ScheduledStep.Kind.ROLLBACK_COMPLETE);
    } else {
      cluster.stackStatus = CloudFormationStackStatus.CREATE_FAILED;
      events.stack("CREATE_FAILED", reason, at);
    }
  }

  private void rollbackComplete(ClusterRecord cluster, Instant at) {
    StackEvents events = events(cluster);
    head(cluster)
        .ifPresent(
            head -> {
              events.resource(
                  HEAD_NODE, head.instanceId(), "AWS::EC2::Instance", DELETE_IN_PROGRESS, null, at);
              events.resource(
                  HEAD_NODE, head.instanceId(), "AWS::EC2::Instance", DELETE_COMPLETE, null, at);
              headNodeTerminated.accept(head.instanceId());
            });
    events.resource(HEAD_NODE_SG, null, "AWS::EC2::SecurityGroup", DELETE_COMPLETE, null, at);
    events.stack("ROLLBACK_COMPLETE", null, at);
    cluster.instances.clear();
    cluster.stackStatus = CloudFormationStackStatus.ROLLBACK_COMPLETE;
  }

  private void updateComplete(ClusterRecord cluster, Instant at) {
    cluster.config = cluster.pendingConfig;
    cluster.configKey = cluster.pendingConfigKey;
    cluster.tags = stackTags(new ClusterConfig(cluster.config), cluster.name, cluster.version);
    cluster.pendingConfig = null;
    cluster.pendingConfigKey = null;
    StackEvents events = events(cluster);
    events.resource(
        "UpdateWaitCondition",
        null,
        "AWS::CloudFormation::WaitCondition",
        CREATE_COMPLETE,
        null,
        at);
    head(cluster)
        .ifPresent(
            head -> {
              events.resource(
                  HEAD_NODE, head.instanceId(), "AWS::EC2::Instance", UPDATE_IN_PROGRESS, null, at);
              events.resource(
                  HEAD_NODE, head.instanceId(), "AWS::EC2::Instance", UPDATE_COMPLETE, null, at);
            });
    events.stack("UPDATE_COMPLETE", null, at);
    cluster.stackStatus = CloudFormationStackStatus.UPDATE_COMPLETE;
    logs.update(cluster, "Cluster update applied", at);
    if (cluster.fleetStatus == ComputeFleetStatus.RUNNING) {
      reconcileStaticNodes(cluster, at);
    }
  }

  private void deleteComplete(ClusterRecord cluster) {
    registry.remove(cluster);
    if (cluster.logGroup != null) {
      logStore.deleteGroup(cluster.logGroup);
    }
    objects.deletePrefix(ClusterService.objectPrefix(cluster.region, cluster.name));
  }

  private void fleetProgress(ClusterRecord cluster, Instant at) {
    ComputeFleetStatus from = cluster.fleetStatus;
    ComputeFleetStatus to =
        switch (from) {
          case START_REQUESTED -> ComputeFleetStatus.STARTING;
          case STARTING -> ComputeFleetStatus.RUNNING;
          case STOP_REQUESTED -> ComputeFleetStatus.STOPPING;
          case STOPPING -> ComputeFleetStatus.STOPPED;
          default -> from;
        };
    if (to == from) {
      return;
    }
    cluster.fleetStatus = to;
    cluster.fleetStatusUpdatedTime = at;
    logs.fleetStatusChanged(cluster, from, to, at);
    if (to == ComputeFleetStatus.RUNNING) {
      launchStaticNodes(cluster, at);
    } else if (to == ComputeFleetStatus.STOPPED) {
      List<NodeInstance> compute = computeNodes(cluster);
      cluster.instances.removeAll(compute);
      logs.computeNodesTerminated(cluster, compute, "the compute fleet was stopped.", at);
    }
  }

  /** Keeps exactly MinCount nodes of each compute resource, of its current instance type. */
  private void reconcileStaticNodes(ClusterRecord cluster, Instant at) {
    List<ClusterConfig.Queue> queues = new ClusterConfig(cluster.config).queues();
    List<NodeInstance> obsolete = new ArrayList<>();
    for (NodeInstance node : computeNodes(cluster)) {
      ClusterConfig.ComputeResource resource =
          queues.stream()
              .filter(q -> q.name().equals(node.queueName()))
              .flatMap(q -> q.computeResources().stream())
              .filter(cr -> cr.name().equals(node.computeResource()))
              .findFirst()
              .orElse(null);
      long kept =
          cluster.instances.stream()
              .filter(i -> !obsolete.contains(i))
              .filter(i -> node.queueName().equals(i.queueName()))
              .filter(i -> node.computeResource().equals(i.computeResource()))
              .takeWhile(i -> i != node)
              .count();
      if (resource == null
          || !resource.instanceType().equals(node.instanceType())
          || kept >= resource.minCount()) {
        obsolete.add(node);
      }
    }
    cluster.instances.removeAll(obsolete);
    logs.computeNodesTerminated(cluster, obsolete, "the cluster configuration changed.", at);
    launchStaticNodes(cluster, at);
  }

  private void launchStaticNodes(ClusterRecord cluster, Instant at) {
    List<NodeInstance> launched = new ArrayList<>();
    int total = computeNodes(cluster).size();
    for (ClusterConfig.Queue queue : new ClusterConfig(cluster.config).queues()) {
      for (ClusterConfig.ComputeResource resource : queue.computeResources()) {
        long running =
            cluster.instances.stream()
                .filter(i -> queue.name().equals(i.queueName()))
                .filter(i -> resource.name().equals(i.computeResource()))
                .count();
        for (long n = running; n < resource.minCount() && total < MAX_STATIC_NODES; n++) {
          NodeInstance node =
              new NodeInstance(
                  Ids.ec2("i"),
                  resource.instanceType(),
                  at,
                  nextAddress(cluster),
                  null,
                  InstanceState.RUNNING,
                  NodeType.ComputeNode,
                  queue.name(),
                  resource.name());
          cluster.instances.add(node);
          launched.add(node);
          total++;
        }
      }
    }
    logs.computeNodesLaunched(cluster, launched, at);
  }

  /** The stack tags: the configuration's tags, then ParallelCluster's own. */
  static List<Tag> stackTags(ClusterConfig config, String clusterName, String version) {
    List<Tag> tags = new ArrayList<>(config.tags());
    tags.add(new Tag("parallelcluster:version", version));
    tags.add(new Tag("parallelcluster:cluster-name", clusterName));
    return tags;
  }

  private static List<NodeInstance> computeNodes(ClusterRecord cluster) {
    return cluster.instances.stream().filter(i -> i.nodeType() == NodeType.ComputeNode).toList();
  }

  private static Optional<NodeInstance> head(ClusterRecord cluster) {
    return cluster.instances.stream().filter(i -> i.nodeType() == NodeType.HeadNode).findFirst();
  }

  private static StackEvents events(ClusterRecord cluster) {
    return new StackEvents(cluster.stackArn, cluster.name, cluster.stackEvents);
  }

  private static void schedule(ClusterRecord cluster, Instant due, ScheduledStep.Kind kind) {
    cluster.steps.add(new ScheduledStep(due, kind));
  }

  private static String nextAddress(ClusterRecord cluster) {
    int n = cluster.allocatedAddresses++;
    return "10." + (n / 62_500 % 256) + "." + (n / 250 % 250) + "." + (10 + n % 250);
  }

  private static String publicAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "3."
        + random.nextInt(80, 240)
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(1, 255);
  }

  private static String partition(ClusterRecord cluster) {
    return Ids.partition(cluster.region);
  }
}
