package io.camelpcluster.pcluster.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** State of an EC2 instance (lower case on the wire). */
public enum InstanceState {
  @JsonProperty("pending")
  PENDING,
  @JsonProperty("running")
  RUNNING,
  @JsonProperty("shutting-down")
  SHUTTING_DOWN,
  @JsonProperty("terminated")
  TERMINATED,
  @JsonProperty("stopping")
  STOPPING,
  @JsonProperty("stopped")
  STOPPED,
  /** A value added by a newer server that this client does not know. */
  @JsonEnumDefaultValue
  UNKNOWN_TO_CLIENT;
}
