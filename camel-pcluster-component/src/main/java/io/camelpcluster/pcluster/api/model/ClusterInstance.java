package io.camelpcluster.pcluster.api.model;

import java.time.Instant;

/**
 * An instance of a cluster, as returned by DescribeClusterInstances.
 *
 * @param queueName the Slurm queue of a compute node (absent for AWS Batch)
 * @param poolName the pool of a login node (absent for other nodes)
 */
public record ClusterInstance(
    String instanceId,
    String instanceType,
    Instant launchTime,
    String privateIpAddress,
    String publicIpAddress,
    InstanceState state,
    NodeType nodeType,
    String queueName,
    String poolName) {}
