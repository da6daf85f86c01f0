package io.camelpcluster.console.view;

import io.camelpcluster.pcluster.api.model.CloudFormationStackStatus;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.Ec2Instance;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cluster as the console shows it: the summary of ListClusters completed by DescribeCluster and
 * the queues of its configuration. Never carries the configuration's presigned URL.
 *
 * @param scheduler {@code slurm} or {@code awsbatch}
 * @param creationTime null when the cluster could not be described (e.g. just deleted)
 * @param headNode null while there is none
 * @param queues the queue names of the configuration, empty when unknown
 * @param failures why creation failed, when it did
 */
public record ClusterView(
    String name,
    ClusterStatus status,
    CloudFormationStackStatus stackStatus,
    String region,
    String version,
    String scheduler,
    Instant creationTime,
    Instant lastUpdatedTime,
    ComputeFleetStatus computeFleetStatus,
    Ec2Instance headNode,
    List<String> queues,
    Map<String, String> tags,
    List<String> failures) {}
