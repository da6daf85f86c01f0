package io.camelpcluster.pcluster.api.model;

/** GetClusterStackEvents: {@code GET /v3/clusters/{clusterName}/stackevents}. */
public record GetClusterStackEventsRequest(String clusterName, String region, String nextToken)
    implements PaginatedRequest<GetClusterStackEventsRequest> {

  public static GetClusterStackEventsRequest of(String clusterName) {
    return new GetClusterStackEventsRequest(clusterName, null, null);
  }

  public GetClusterStackEventsRequest withRegion(String region) {
    return new GetClusterStackEventsRequest(clusterName, region, nextToken);
  }

  @Override
  public GetClusterStackEventsRequest withNextToken(String token) {
    return new GetClusterStackEventsRequest(clusterName, region, token);
  }
}
