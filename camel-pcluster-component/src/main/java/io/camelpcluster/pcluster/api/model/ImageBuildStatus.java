package io.camelpcluster.pcluster.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Status of a custom image build. */
public enum ImageBuildStatus {
  BUILD_IN_PROGRESS,
  BUILD_FAILED,
  BUILD_COMPLETE,
  DELETE_IN_PROGRESS,
  DELETE_FAILED,
  DELETE_COMPLETE,
  /** A value added by a newer server that this client does not know. */
  @JsonEnumDefaultValue
  UNKNOWN_TO_CLIENT;
}
