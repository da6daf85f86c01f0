package io.camelpcluster.emulator.model;

/** Compute fleet statuses: Slurm's daemon-driven ones, and AWS Batch's ENABLED/DISABLED. */
public enum ComputeFleetStatus {
  START_REQUESTED,
  STARTING,
  RUNNING,
  PROTECTED,
  STOP_REQUESTED,
  STOPPING,
  STOPPED,
  UNKNOWN,
  ENABLED,
  DISABLED
}
