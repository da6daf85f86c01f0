package io.camelpcluster.pcluster.api.model;

/**
 * GetImageLogEvents: {@code GET /v3/images/custom/{imageId}/logstreams/{logStreamName}}.
 *
 * @param logStreamName e.g. {@code 3.12.0/1} (the {@code /} is percent-encoded on the wire)
 */
public record GetImageLogEventsRequest(
    String imageId, String logStreamName, String region, LogEventsQuery query)
    implements PaginatedRequest<GetImageLogEventsRequest> {

  public GetImageLogEventsRequest {
    query = query == null ? LogEventsQuery.defaults() : query;
  }

  /** The newest events of a stream (the service default). */
  public static GetImageLogEventsRequest of(String imageId, String logStreamName) {
    return new GetImageLogEventsRequest(imageId, logStreamName, null, null);
  }

  public GetImageLogEventsRequest withRegion(String region) {
    return new GetImageLogEventsRequest(imageId, logStreamName, region, query);
  }

  public GetImageLogEventsRequest withQuery(LogEventsQuery query) {
    return new GetImageLogEventsRequest(imageId, logStreamName, region, query);
  }

  @Override
  public String nextToken() {
    return query.nextToken();
  }

  @Override
  public GetImageLogEventsRequest withNextToken(String token) {
    return withQuery(query.withNextToken(token));
  }
}
