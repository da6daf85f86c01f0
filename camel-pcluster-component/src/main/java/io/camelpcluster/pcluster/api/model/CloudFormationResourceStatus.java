package io.camelpcluster.pcluster.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Status of a stack resource, as reported in stack events. */
public enum CloudFormationResourceStatus {
  CREATE_IN_PROGRESS,
  CREATE_FAILED,
  CREATE_COMPLETE,
  DELETE_IN_PROGRESS,
  DELETE_FAILED,
  DELETE_COMPLETE,
  DELETE_SKIPPED,
  UPDATE_IN_PROGRESS,
  UPDATE_FAILED,
  UPDATE_COMPLETE,
  IMPORT_FAILED,
  IMPORT_COMPLETE,
  IMPORT_IN_PROGRESS,
  IMPORT_ROLLBACK_IN_PROGRESS,
  IMPORT_ROLLBACK_FAILED,
  IMPORT_ROLLBACK_COMPLETE,
  /** A value added by a newer server that this client does not know. */
  @JsonEnumDefaultValue
  UNKNOWN_TO_CLIENT;
}
