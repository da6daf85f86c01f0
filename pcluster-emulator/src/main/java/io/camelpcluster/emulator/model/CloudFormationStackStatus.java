package io.camelpcluster.emulator.model;

/** CloudFormation stack statuses, and how ParallelCluster derives cluster and image statuses. */
public enum CloudFormationStackStatus {
  CREATE_IN_PROGRESS,
  CREATE_FAILED,
  CREATE_COMPLETE,
  ROLLBACK_IN_PROGRESS,
  ROLLBACK_FAILED,
  ROLLBACK_COMPLETE,
  DELETE_IN_PROGRESS,
  DELETE_FAILED,
  DELETE_COMPLETE,
  UPDATE_IN_PROGRESS,
  UPDATE_COMPLETE_CLEANUP_IN_PROGRESS,
  UPDATE_COMPLETE,
  UPDATE_FAILED,
  UPDATE_ROLLBACK_IN_PROGRESS,
  UPDATE_ROLLBACK_FAILED,
  UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS,
  UPDATE_ROLLBACK_COMPLETE;

  /** Whether UpdateCluster must answer 409 in this status. */
  public boolean inProgress() {
    return name().contains("IN_PROGRESS");
  }

  /** Whether the compute fleet can be started or stopped, and reports its real status. */
  public boolean fleetOperable() {
    return this == CREATE_COMPLETE || this == UPDATE_COMPLETE || this == UPDATE_ROLLBACK_COMPLETE;
  }

  /** Whether DescribeComputeFleet reports the stored status rather than UNKNOWN. */
  public boolean fleetVisible() {
    return fleetOperable() || this == UPDATE_IN_PROGRESS;
  }

  /** The cluster status ParallelCluster derives from this stack status. */
  public ClusterStatus clusterStatus() {
    return switch (this) {
      case CREATE_IN_PROGRESS -> ClusterStatus.CREATE_IN_PROGRESS;
      case CREATE_COMPLETE -> ClusterStatus.CREATE_COMPLETE;
      case CREATE_FAILED, ROLLBACK_IN_PROGRESS, ROLLBACK_FAILED, ROLLBACK_COMPLETE ->
          ClusterStatus.CREATE_FAILED;
      case UPDATE_IN_PROGRESS,
          UPDATE_COMPLETE_CLEANUP_IN_PROGRESS,
          UPDATE_ROLLBACK_IN_PROGRESS,
          UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS ->
          ClusterStatus.UPDATE_IN_PROGRESS;
      case UPDATE_COMPLETE -> ClusterStatus.UPDATE_COMPLETE;
      case UPDATE_FAILED, UPDATE_ROLLBACK_FAILED, UPDATE_ROLLBACK_COMPLETE ->
          ClusterStatus.UPDATE_FAILED;
      case DELETE_IN_PROGRESS -> ClusterStatus.DELETE_IN_PROGRESS;
      case DELETE_FAILED -> ClusterStatus.DELETE_FAILED;
      case DELETE_COMPLETE -> ClusterStatus.DELETE_COMPLETE;
    };
  }

  /** The image build status ParallelCluster derives from this build-stack status. */
  public ImageBuildStatus imageBuildStatus() {
    return switch (this) {
      case CREATE_IN_PROGRESS,
          UPDATE_IN_PROGRESS,
          UPDATE_COMPLETE_CLEANUP_IN_PROGRESS,
          UPDATE_ROLLBACK_IN_PROGRESS,
          UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS ->
          ImageBuildStatus.BUILD_IN_PROGRESS;
      case CREATE_FAILED,
          ROLLBACK_IN_PROGRESS,
          ROLLBACK_FAILED,
          ROLLBACK_COMPLETE,
          UPDATE_FAILED,
          UPDATE_ROLLBACK_FAILED,
          UPDATE_ROLLBACK_COMPLETE ->
          ImageBuildStatus.BUILD_FAILED;
      case CREATE_COMPLETE, UPDATE_COMPLETE -> ImageBuildStatus.BUILD_COMPLETE;
      case DELETE_IN_PROGRESS -> ImageBuildStatus.DELETE_IN_PROGRESS;
      case DELETE_FAILED -> ImageBuildStatus.DELETE_FAILED;
      case DELETE_COMPLETE -> ImageBuildStatus.DELETE_COMPLETE;
    };
  }
}
