package io.camelpcluster.emulator.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** DescribeCluster's answer; note {@code cloudFormationStackStatus} with a capital F here only. */
public record DescribeClusterResponse(
    String clusterName,
    String region,
    String version,
    @JsonProperty("cloudFormationStackStatus") CloudFormationStackStatus cloudFormationStackStatus,
    ClusterStatus clusterStatus,
    Scheduler scheduler,
    String cloudformationStackArn,
    Instant creationTime,
    Instant lastUpdatedTime,
    Url clusterConfiguration,
    ComputeFleetStatus computeFleetStatus,
    List<Tag> tags,
    Ec2Instance headNode,
    List<Failure> failures) {

  /** A presigned URL to a configuration. */
  public record Url(String url) {}
}
