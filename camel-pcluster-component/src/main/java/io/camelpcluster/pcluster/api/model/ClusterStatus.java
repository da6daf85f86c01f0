package io.camelpcluster.pcluster.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Status of a cluster, derived from its CloudFormation stack status. */
public enum ClusterStatus {
  CREATE_IN_PROGRESS,
  CREATE_FAILED,
  CREATE_COMPLETE,
  DELETE_IN_PROGRESS,
  DELETE_FAILED,
  DELETE_COMPLETE,
  UPDATE_IN_PROGRESS,
  UPDATE_COMPLETE,
  UPDATE_FAILED,
  /** A value added by a newer server that this client does not know. */
  @JsonEnumDefaultValue
  UNKNOWN_TO_CLIENT;
}
