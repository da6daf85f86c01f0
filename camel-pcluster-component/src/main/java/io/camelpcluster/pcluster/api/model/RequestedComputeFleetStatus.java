package io.camelpcluster.pcluster.api.model;

/**
 * Status that UpdateComputeFleet can request: start/stop for Slurm, enable/disable for AWS Batch.
 */
public enum RequestedComputeFleetStatus {
  START_REQUESTED,
  STOP_REQUESTED,
  ENABLED,
  DISABLED;
}
