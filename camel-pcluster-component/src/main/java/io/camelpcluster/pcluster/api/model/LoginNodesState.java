package io.camelpcluster.pcluster.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** State of a login nodes pool (lower case on the wire). */
public enum LoginNodesState {
  @JsonProperty("pending")
  PENDING,
  @JsonProperty("active")
  ACTIVE,
  @JsonProperty("failed")
  FAILED,
  /** A value added by a newer server that this client does not know. */
  @JsonEnumDefaultValue
  UNKNOWN_TO_CLIENT;
}
