package io.camelpcluster.pcluster.api.model;

/** ListImageLogStreams: {@code GET /v3/images/custom/{imageId}/logstreams}. */
public record ListImageLogStreamsRequest(String imageId, String region, String nextToken)
    implements PaginatedRequest<ListImageLogStreamsRequest> {

  public static ListImageLogStreamsRequest of(String imageId) {
    return new ListImageLogStreamsRequest(imageId, null, null);
  }

  public ListImageLogStreamsRequest withRegion(String region) {
    return new ListImageLogStreamsRequest(imageId, region, nextToken);
  }

  @Override
  public ListImageLogStreamsRequest withNextToken(String token) {
    return new ListImageLogStreamsRequest(imageId, region, token);
  }
}
