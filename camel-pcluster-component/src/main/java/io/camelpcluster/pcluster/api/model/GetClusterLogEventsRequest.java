package io.camelpcluster.pcluster.api.model;

/**
 * GetClusterLogEvents: {@code GET /v3/clusters/{clusterName}/logstreams/{logStreamName}}.
 *
 * @param logStreamName e.g. {@code ip-10-0-0-100.i-0fffffcccc3333aaa.cfn-init}
 */
public record GetClusterLogEventsRequest(
    String clusterName, String logStreamName, String region, LogEventsQuery query)
    implements PaginatedRequest<GetClusterLogEventsRequest> {

  public GetClusterLogEventsRequest {
    query = query == null ? LogEventsQuery.defaults() : query;
  }

  /** The newest events of a stream (the service default). */
  public static GetClusterLogEventsRequest of(String clusterName, String logStreamName) {
    return new GetClusterLogEventsRequest(clusterName, logStreamName, null, null);
  }

  public GetClusterLogEventsRequest withRegion(String region) {
    return new GetClusterLogEventsRequest(clusterName, logStreamName, region, query);
  }

  public GetClusterLogEventsRequest withQuery(LogEventsQuery query) {
    return new GetClusterLogEventsRequest(clusterName, logStreamName, region, query);
  }

  @Override
  public String nextToken() {
    return query.nextToken();
  }

  @Override
  public GetClusterLogEventsRequest withNextToken(String token) {
    return withQuery(query.withNextToken(token));
  }
}
