package io.camelpcluster.pcluster.api.model;

/**
 * Cluster status accepted by the ListClusters filter (every {@link ClusterStatus} but {@code
 * DELETE_COMPLETE}).
 */
public enum ClusterStatusFilteringOption {
  CREATE_IN_PROGRESS,
  CREATE_FAILED,
  CREATE_COMPLETE,
  DELETE_IN_PROGRESS,
  DELETE_FAILED,
  UPDATE_IN_PROGRESS,
  UPDATE_COMPLETE,
  UPDATE_FAILED;
}
