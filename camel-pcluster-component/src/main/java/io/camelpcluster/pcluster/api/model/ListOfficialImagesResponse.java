package io.camelpcluster.pcluster.api.model;

import java.util.List;

/** The answer to ListOfficialImages (not paginated). */
public record ListOfficialImagesResponse(List<AmiInfo> images) {

  public ListOfficialImagesResponse {
    images = ModelLists.copy(images);
  }
}
