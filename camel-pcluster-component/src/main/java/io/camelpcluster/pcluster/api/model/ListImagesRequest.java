package io.camelpcluster.pcluster.api.model;

/**
 * ListImages: {@code GET /v3/images/custom}.
 *
 * @param imageStatus required: {@code AVAILABLE} (never paginated), {@code PENDING} or {@code
 *     FAILED}
 */
public record ListImagesRequest(
    ImageStatusFilteringOption imageStatus, String region, String nextToken)
    implements PaginatedRequest<ListImagesRequest> {

  public static ListImagesRequest of(ImageStatusFilteringOption imageStatus) {
    return new ListImagesRequest(imageStatus, null, null);
  }

  public ListImagesRequest withRegion(String region) {
    return new ListImagesRequest(imageStatus, region, nextToken);
  }

  @Override
  public ListImagesRequest withNextToken(String token) {
    return new ListImagesRequest(imageStatus, region, token);
  }
}
