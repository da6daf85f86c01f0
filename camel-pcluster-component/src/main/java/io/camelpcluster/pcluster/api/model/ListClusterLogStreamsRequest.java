package io.camelpcluster.pcluster.api.model;

import java.util.List;

/**
 * ListClusterLogStreams: {@code GET /v3/clusters/{clusterName}/logstreams}.
 *
 * @param filters items of the form {@code Name=<name>,Values=<value>} with the name {@code
 *     private-dns-name} or {@code node-type}; see {@link #privateDnsNameFilter} and {@link
 *     #headNodeFilter}
 */
public record ListClusterLogStreamsRequest(
    String clusterName, String region, List<String> filters, String nextToken)
    implements PaginatedRequest<ListClusterLogStreamsRequest> {

  public ListClusterLogStreamsRequest {
    filters = ModelLists.copy(filters);
  }

  public static ListClusterLogStreamsRequest of(String clusterName) {
    return new ListClusterLogStreamsRequest(clusterName, null, List.of(), null);
  }

  /** A filter keeping the streams of one instance, by its short private DNS name. */
  public static String privateDnsNameFilter(String shortPrivateDnsName) {
    return "Name=private-dns-name,Values=" + shortPrivateDnsName;
  }

  /** A filter keeping the streams of the head node. */
  public static String headNodeFilter() {
    return "Name=node-type,Values=HeadNode";
  }

  public ListClusterLogStreamsRequest withRegion(String region) {
    return new ListClusterLogStreamsRequest(clusterName, region, filters, nextToken);
  }

  public ListClusterLogStreamsRequest withFilters(String... filters) {
    return new ListClusterLogStreamsRequest(clusterName, region, List.of(filters), nextToken);
  }

  @Override
  public ListClusterLogStreamsRequest withNextToken(String token) {
    return new ListClusterLogStreamsRequest(clusterName, region, filters, token);
  }
}
