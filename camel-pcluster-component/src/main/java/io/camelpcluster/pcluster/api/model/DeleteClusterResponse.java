package io.camelpcluster.pcluster.api.model;

/** The answer to DeleteCluster: the cluster in {@code DELETE_IN_PROGRESS}. */
public record DeleteClusterResponse(ClusterInfoSummary cluster) {}
