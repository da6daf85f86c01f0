package io.camelpcluster.emulator.model;

/** ParallelCluster custom image build statuses. */
public enum ImageBuildStatus {
  BUILD_IN_PROGRESS,
  BUILD_FAILED,
  BUILD_COMPLETE,
  DELETE_IN_PROGRESS,
  DELETE_FAILED,
  DELETE_COMPLETE
}
