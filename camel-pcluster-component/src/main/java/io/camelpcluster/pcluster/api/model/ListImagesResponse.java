package io.camelpcluster.pcluster.api.model;

import java.util.List;

/** A page of ListImages. */
public record ListImagesResponse(List<ImageInfoSummary> images, String nextToken)
    implements Page<ImageInfoSummary> {

  public ListImagesResponse {
    images = ModelLists.copy(images);
  }

  @Override
  public List<ImageInfoSummary> items() {
    return images;
  }
}
