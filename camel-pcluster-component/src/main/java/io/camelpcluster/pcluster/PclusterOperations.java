package io.camelpcluster.pcluster;

/**
 * The operations of a {@code pcluster:} endpoint: the 20 operations of the ParallelCluster API, the
 * explicit waits, and the {@code clusterEvents} sensor (a consumer).
 */
public enum PclusterOperations {
  // Cluster Operations
  listClusters,
  createCluster,
  describeCluster,
  updateCluster,
  deleteCluster,
  // Cluster ComputeFleet
  describeComputeFleet,
  updateComputeFleet,
  // Cluster Instances
  describeClusterInstances,
  deleteClusterInstances,
  // Cluster Logs
  listClusterLogStreams,
  getClusterLogEvents,
  getClusterStackEvents,
  // Image Operations
  listImages,
  buildImage,
  describeImage,
  deleteImage,
  listOfficialImages,
  // Image Logs
  listImageLogStreams,
  getImageLogEvents,
  getImageStackEvents,
  // Waiting
  waitCluster,
  waitImage,
  // Consumer
  clusterEvents
}
