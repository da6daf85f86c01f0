package io.camelpcluster.pcluster.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** State of an EC2 AMI. */
public enum Ec2AmiState {
  PENDING,
  AVAILABLE,
  INVALID,
  DEREGISTERED,
  TRANSIENT,
  FAILED,
  ERROR,
  /** A value added by a newer server that this client does not know. */
  @JsonEnumDefaultValue
  UNKNOWN_TO_CLIENT;
}
