package io.camelpcluster.emulator.cluster;

import io.camelpcluster.emulator.logs.LogStore;
import io.camelpcluster.emulator.model.ComputeFleetStatus;
import io.camelpcluster.emulator.model.NodeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The log lines a cluster's nodes send to CloudWatch as it changes state, in streams named {@code
 * <private-dns-short>.<instance-id>.<log>}. Nothing is written when logging is disabled.
 */
final class ClusterLogs {
  private final LogStore logs;

  ClusterLogs(LogStore logs) {
    this.logs = logs;
  }

  void headNodeLaunched(ClusterRecord cluster, NodeInstance node, Instant at) {
    write(
        cluster,
        node,
        "cloud-init",
        at,
        "Cloud-init v. 22.2.2 running 'init' at " + at + ". Up 12.04 seconds.",
        "Cloud-init v. 22.2.2 running 'modules:final'. Up 25.31 seconds.");
    write(
        cluster,
        node,
        "cfn-init",
        at,
        "[INFO] -----------------------Starting build-----------------------",
        "[INFO] Running configSets: default",
        "[INFO] Running configSet deployConfigFiles");
    write(
        cluster,
        node,
        "chef-client",
        at,
        "Cinc Client, version 18.4.12",
        "Starting Cinc Client, version 18.4.12",
        "Converging aws-parallelcluster-entrypoints::init");
  }

  void headNodeConfigured(ClusterRecord cluster, Instant at) {
    head(cluster)
        .ifPresent(
            node -> {
              write(
                  cluster,
                  node,
                  "chef-client",
                  at,
                  "Converging aws-parallelcluster-entrypoints::config",
                  "Cinc Client finished, 312/574 resources updated in 03 minutes 41 seconds");
              write(
                  cluster,
                  node,
                  "cfn-init",
                  at,
                  "[INFO] Command chef-final-config succeeded",
                  "[INFO] -----------------------Build complete-----------------------");
              write(cluster, node, "supervisord", at, "INFO supervisord started with pid 1620");
              if (!cluster.awsBatch()) {
                write(
                    cluster,
                    node,
                    "slurmctld",
                    at,
                    "slurmctld version 24.05.5 started on cluster " + cluster.name);
                write(
                    cluster,
                    node,
                    "clustermgtd",
                    at,
                    "INFO - Following compute fleet status is RUNNING",
                    "INFO - Managing cluster...");
              }
            });
  }

  void createFailed(ClusterRecord cluster, CreateFailure failure, Instant at) {
    head(cluster)
        .ifPresent(
            node -> {
              write(
                  cluster,
                  node,
                  "chef-client",
                  at,
                  "ERROR: " + failure.waitConditionReason(),
                  "FATAL: Stacktrace dumped to /etc/chef/local-mode-cache/cache/cinc-stacktrace.out");
              write(
                  cluster,
                  node,
                  "cfn-init",
                  at,
                  "[ERROR] Command chef-final-config failed",
                  "[ERROR] Error encountered during build of chefConfig: "
                      + failure.failureReason());
            });
  }

  void fleetStatusChanged(
      ClusterRecord cluster, ComputeFleetStatus from, ComputeFleetStatus to, Instant at) {
    head(cluster)
        .ifPresent(
            node ->
                write(
                    cluster,
                    node,
                    "clustermgtd",
                    at,
                    "INFO - Updating compute fleet status from " + from + " to " + to));
  }

  void computeNodesLaunched(ClusterRecord cluster, List<NodeInstance> nodes, Instant at) {
    if (nodes.isEmpty()) {
      return;
    }
    head(cluster)
        .ifPresent(
            head ->
                write(
                    cluster,
                    head,
                    "clustermgtd",
                    at,
                    "INFO - Launching " + nodes.size() + " static node(s)"));
    for (NodeInstance node : nodes) {
      write(
          cluster,
          node,
          "cloud-init",
          at,
          "Cloud-init v. 22.2.2 running 'init' at " + at + ". Up 10.87 seconds.");
      write(cluster, node, "computemgtd", at, "INFO - computemgtd started");
      write(
          cluster,
          node,
          "slurmd",
          at,
          "slurmd version 24.05.5 started",
          "CPUs=2 Boards=1 Sockets=1 Cores=1 Threads=2 Memory=3800");
    }
  }

  void computeNodesTerminated(
      ClusterRecord cluster, List<NodeInstance> nodes, String reason, Instant at) {
    if (nodes.isEmpty()) {
      return;
    }
    head(cluster)
        .ifPresent(
            head ->
                write(
                    cluster,
                    head,
                    "clustermgtd",
                    at,
                    "INFO - Terminating "
                        + nodes.size()
                        + " compute node(s): "
                        + reason
                        + " "
                        + nodes.stream().map(NodeInstance::instanceId).toList()));
  }

  void update(ClusterRecord cluster, String message, Instant at) {
    head(cluster).ifPresent(node -> write(cluster, node, "chef-client", at, "INFO: " + message));
  }

  private static Optional<NodeInstance> head(ClusterRecord cluster) {
    return cluster.instances.stream().filter(i -> i.nodeType() == NodeType.HeadNode).findFirst();
  }

  private void write(
      ClusterRecord cluster, NodeInstance node, String log, Instant at, String... messages) {
    if (cluster.logGroup == null) {
      return;
    }
    logs.append(
        cluster.logGroup,
        node.privateDnsShort() + "." + node.instanceId() + "." + log,
        at,
        List.of(messages));
  }
}
