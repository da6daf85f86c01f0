package io.camelpcluster.pcluster.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Level of a configuration validation finding, in increasing order: INFO &lt; WARNING &lt; ERROR.
 */
public enum ValidationLevel {
  INFO,
  WARNING,
  ERROR,
  /** A value added by a newer server that this client does not know. */
  @JsonEnumDefaultValue
  UNKNOWN_TO_CLIENT;
}
