package io.camelpcluster.pcluster.api.model;

/** A cluster as listed by ListClusters and returned by Create/Update/DeleteCluster. */
public record ClusterInfoSummary(
    String clusterName,
    String region,
    String version,
    String cloudformationStackArn,
    CloudFormationStackStatus cloudformationStackStatus,
    ClusterStatus clusterStatus,
    Scheduler scheduler) {}
