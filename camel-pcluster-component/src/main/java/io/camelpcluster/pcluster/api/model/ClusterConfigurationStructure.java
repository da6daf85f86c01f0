package io.camelpcluster.pcluster.api.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Where the cluster's YAML configuration can be fetched.
 *
 * @param url a presigned S3 GET URL valid for one hour (fetch it without signing), or {@value
 *     #NOT_AVAILABLE}
 */
public record ClusterConfigurationStructure(String url) {

  /** The value of {@code url} when the service cannot reach the stored configuration. */
  public static final String NOT_AVAILABLE = "NOT_AVAILABLE";

  /** Whether {@link #url()} holds a URL. */
  @JsonIgnore
  public boolean isAvailable() {
    return url != null && !url.isBlank() && !NOT_AVAILABLE.equals(url);
  }
}
