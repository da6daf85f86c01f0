package io.camelpcluster.pcluster.api.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Where the image's YAML configuration can be fetched.
 *
 * @param url a presigned S3 GET URL valid for one hour (fetch it without signing), or {@value
 *     ClusterConfigurationStructure#NOT_AVAILABLE}
 */
public record ImageConfigurationStructure(String url) {

  /** Whether {@link #url()} holds a URL. */
  @JsonIgnore
  public boolean isAvailable() {
    return url != null
        && !url.isBlank()
        && !ClusterConfigurationStructure.NOT_AVAILABLE.equals(url);
  }
}
