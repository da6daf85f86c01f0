package io.camelpcluster.emulator.model;

/** ParallelCluster cluster statuses. */
public enum ClusterStatus {
  CREATE_IN_PROGRESS,
  CREATE_FAILED,
  CREATE_COMPLETE,
  DELETE_IN_PROGRESS,
  DELETE_FAILED,
  DELETE_COMPLETE,
  UPDATE_IN_PROGRESS,
  UPDATE_COMPLETE,
  UPDATE_FAILED
}
