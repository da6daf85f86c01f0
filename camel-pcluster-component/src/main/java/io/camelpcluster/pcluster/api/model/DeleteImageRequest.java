package io.camelpcluster.pcluster.api.model;

/**
 * DeleteImage: {@code DELETE /v3/images/custom/{imageId}}.
 *
 * @param force whether to delete even when instances use the AMI or it is shared, or null (false)
 */
public record DeleteImageRequest(String imageId, String region, Boolean force) {

  public static DeleteImageRequest of(String imageId) {
    return new DeleteImageRequest(imageId, null, null);
  }

  public DeleteImageRequest withRegion(String region) {
    return new DeleteImageRequest(imageId, region, force);
  }

  public DeleteImageRequest withForce(boolean force) {
    return new DeleteImageRequest(imageId, region, force);
  }
}
