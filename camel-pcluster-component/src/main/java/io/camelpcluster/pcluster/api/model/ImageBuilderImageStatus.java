package io.camelpcluster.pcluster.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Status of the EC2 Image Builder image behind a build. */
public enum ImageBuilderImageStatus {
  PENDING,
  CREATING,
  BUILDING,
  TESTING,
  DISTRIBUTING,
  INTEGRATING,
  AVAILABLE,
  CANCELLED,
  FAILED,
  DEPRECATED,
  DELETED,
  /** A value added by a newer server that this client does not know. */
  @JsonEnumDefaultValue
  UNKNOWN_TO_CLIENT;
}
