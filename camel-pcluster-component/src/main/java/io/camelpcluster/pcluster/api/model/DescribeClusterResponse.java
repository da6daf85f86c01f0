package io.camelpcluster.pcluster.api.model;

import java.time.Instant;
import java.util.List;

/**
 * The answer to DescribeCluster.
 *
 * @param cloudFormationStackStatus the stack status (spelled with a capital F here only)
 * @param lastUpdatedTime equals {@code creationTime} when never updated
 * @param headNode absent while no head node is pending, running, stopping or stopped
 * @param loginNodes the login node pools of a Slurm cluster with login nodes
 * @param failures one element when {@code clusterStatus} is {@code CREATE_FAILED}, else empty
 */
public record DescribeClusterResponse(
    String clusterName,
    String region,
    String version,
    CloudFormationStackStatus cloudFormationStackStatus,
    ClusterStatus clusterStatus,
    Scheduler scheduler,
    String cloudformationStackArn,
    Instant creationTime,
    Instant lastUpdatedTime,
    ClusterConfigurationStructure clusterConfiguration,
    ComputeFleetStatus computeFleetStatus,
    List<Tag> tags,
    Ec2Instance headNode,
    List<LoginNodesPool> loginNodes,
    List<Failure> failures) {

  public DescribeClusterResponse {
    tags = ModelLists.copy(tags);
    loginNodes = ModelLists.copy(loginNodes);
    failures = ModelLists.copy(failures);
  }

  /** The summary of this cluster, as ListClusters would show it. */
  public ClusterInfoSummary toSummary() {
    return new ClusterInfoSummary(
        clusterName,
        region,
        version,
        cloudformationStackArn,
        cloudFormationStackStatus,
        clusterStatus,
        scheduler);
  }
}
