package io.camelpcluster.pcluster.api.model;

/** GetImageStackEvents: {@code GET /v3/images/custom/{imageId}/stackevents}. */
public record GetImageStackEventsRequest(String imageId, String region, String nextToken)
    implements PaginatedRequest<GetImageStackEventsRequest> {

  public static GetImageStackEventsRequest of(String imageId) {
    return new GetImageStackEventsRequest(imageId, null, null);
  }

  public GetImageStackEventsRequest withRegion(String region) {
    return new GetImageStackEventsRequest(imageId, region, nextToken);
  }

  @Override
  public GetImageStackEventsRequest withNextToken(String token) {
    return new GetImageStackEventsRequest(imageId, region, token);
  }
}
