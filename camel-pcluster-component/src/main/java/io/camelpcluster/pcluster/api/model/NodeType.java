package io.camelpcluster.pcluster.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Role of an instance in a cluster. */
public enum NodeType {
  @JsonProperty("HeadNode")
  HEAD_NODE,
  @JsonProperty("ComputeNode")
  COMPUTE_NODE,
  @JsonProperty("LoginNode")
  LOGIN_NODE,
  /** A value added by a newer server that this client does not know. */
  @JsonEnumDefaultValue
  UNKNOWN_TO_CLIENT;
}
