package io.camelpcluster.pcluster.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Status of a compute fleet: the Slurm states, {@code ENABLED}/{@code DISABLED} for AWS Batch,
 * {@code UNKNOWN} when the service cannot tell.
 */
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
  DISABLED,
  /** A value added by a newer server that this client does not know. */
  @JsonEnumDefaultValue
  UNKNOWN_TO_CLIENT;
}
