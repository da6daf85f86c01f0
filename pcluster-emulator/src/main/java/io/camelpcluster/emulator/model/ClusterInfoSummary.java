package io.camelpcluster.emulator.model;

/** The summary of a cluster in list, create, update and delete answers. */
public record ClusterInfoSummary(
    String clusterName,
    String region,
    String version,
    String cloudformationStackArn,
    CloudFormationStackStatus cloudformationStackStatus,
    ClusterStatus clusterStatus,
    Scheduler scheduler) {}
