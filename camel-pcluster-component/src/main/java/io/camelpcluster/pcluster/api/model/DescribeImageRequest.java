package io.camelpcluster.pcluster.api.model;

/** DescribeImage: {@code GET /v3/images/custom/{imageId}}. */
public record DescribeImageRequest(String imageId, String region) {

  public static DescribeImageRequest of(String imageId) {
    return new DescribeImageRequest(imageId, null);
  }

  public DescribeImageRequest withRegion(String region) {
    return new DescribeImageRequest(imageId, region);
  }
}
