package io.camelpcluster.emulator.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.emulator.model.CloudFormationStackStatus;
import io.camelpcluster.emulator.model.ClusterInfoSummary;
import io.camelpcluster.emulator.model.ComputeFleetStatus;
import io.camelpcluster.emulator.model.Failure;
import io.camelpcluster.emulator.model.Scheduler;
import io.camelpcluster.emulator.model.StackEvent;
import io.camelpcluster.emulator.model.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster, i.e. its CloudFormation stack and what it runs. Mutable; changed only by {@link
 * ClusterStateMachine} under the emulator state's lock.
 */
public final class ClusterRecord {
  String name;
  String region;
  String version;
  String stackArn;
  String scheduler;
  Instant creationTime;
  Instant lastUpdatedTime;
  CloudFormationStackStatus stackStatus;
  List<Tag> tags = new ArrayList<>();

  /** The applied configuration, and the one an update in progress applies. */
  ObjectNode config;

  ObjectNode pendingConfig;

  /** Object-store key of the configuration the stack records (for the presigned URL). */
  String configKey;

  String pendingConfigKey;
  int configVersions;

  boolean rollbackOnFailure;
  CreateFailure plannedFailure;
  Failure failure;

  ComputeFleetStatus fleetStatus;
  Instant fleetStatusUpdatedTime;

  List<NodeInstance> instances = new ArrayList<>();
  List<StackEvent> stackEvents = new ArrayList<>();
  List<ScheduledStep> steps = new ArrayList<>();

  /** The CloudWatch log group, or null when logging is disabled. */
  String logGroup;

  int allocatedAddresses;

  ClusterRecord() {}

  /** Whether the scheduler is AWS Batch. */
  boolean awsBatch() {
    return "awsbatch".equals(scheduler);
  }

  /** The summary shown by list, create, update and delete. */
  ClusterInfoSummary summary() {
    return new ClusterInfoSummary(
        name,
        region,
        version,
        stackArn,
        stackStatus,
        stackStatus.clusterStatus(),
        new Scheduler(scheduler));
  }

  /** The compute fleet status as the API reports it. */
  ComputeFleetStatus reportedFleetStatus() {
    return stackStatus.fleetVisible() && fleetStatus != null
        ? fleetStatus
        : ComputeFleetStatus.UNKNOWN;
  }
}
