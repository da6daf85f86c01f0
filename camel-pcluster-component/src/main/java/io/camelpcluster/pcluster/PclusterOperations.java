package io.camelpcluster.pcluster;

/** The operations of the {@code pcluster:} endpoint. */
public enum PclusterOperations {
  listClusters,
  createCluster,
  describeCluster
}
