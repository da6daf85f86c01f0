package io.camelpcluster.emulator.model;

import java.time.Instant;

/** An instance of a cluster as DescribeClusterInstances shows it. */
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
