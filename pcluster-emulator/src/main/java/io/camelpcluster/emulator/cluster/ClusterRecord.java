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

  /** The cluster name (also the stack name). */
  public String name() {
    return name;
  }

  /** Its region. */
  public String region() {
    return region;
  }

  /** The ParallelCluster version that created it. */
  public String version() {
    return version;
  }

  /** The stack ARN. */
  public String stackArn() {
    return stackArn;
  }

  /** {@code slurm} or {@code awsbatch}. */
  public String scheduler() {
    return scheduler;
  }

  /** The stack status. */
  public CloudFormationStackStatus stackStatus() {
    return stackStatus;
  }

  /** When it was created. */
  public Instant creationTime() {
    return creationTime;
  }

  /** When it was last updated (its creation time if never). */
  public Instant lastUpdatedTime() {
    return lastUpdatedTime;
  }

  /** The stack tags: user tags plus {@code parallelcluster:*}. */
  public List<Tag> tags() {
    return List.copyOf(tags);
  }

  /** The applied configuration. */
  public ObjectNode config() {
    return config;
  }

  /** Object-store key of the configuration the stack records. */
  public String configKey() {
    return configKey;
  }

  /** The creation failure, once the cluster failed. */
  public Failure failure() {
    return failure;
  }

  /** The stored compute fleet status (UNKNOWN is decided by the stack status). */
  public ComputeFleetStatus fleetStatus() {
    return fleetStatus;
  }

  /** When the fleet status last changed (Slurm only), or null. */
  public Instant fleetStatusUpdatedTime() {
    return fleetStatusUpdatedTime;
  }

  /** The live instances. */
  public List<NodeInstance> instances() {
    return List.copyOf(instances);
  }

  /** The stack events, oldest first. */
  public List<StackEvent> stackEvents() {
    return List.copyOf(stackEvents);
  }

  /** The log group, or null when CloudWatch logging is disabled. */
  public String logGroup() {
    return logGroup;
  }

  /** Whether the scheduler is AWS Batch. */
  public boolean awsBatch() {
    return "awsbatch".equals(scheduler);
  }

  /** The summary shown by list, create, update and delete. */
  public ClusterInfoSummary summary() {
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
  public ComputeFleetStatus reportedFleetStatus() {
    return stackStatus.fleetVisible() && fleetStatus != null
        ? fleetStatus
        : ComputeFleetStatus.UNKNOWN;
  }
}
