package io.camelpcluster.pcluster.api.model;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * ListClusters: {@code GET /v3/clusters}.
 *
 * @param region the region to act on, or null for the client's default
 * @param clusterStatus the statuses to keep; empty for every cluster
 * @param nextToken the page to fetch, or null for the first
 */
public record ListClustersRequest(
    String region, Set<ClusterStatusFilteringOption> clusterStatus, String nextToken)
    implements PaginatedRequest<ListClustersRequest> {

  public ListClustersRequest {
    clusterStatus = ModelLists.copy(clusterStatus);
  }

  /** Every cluster of the default region. */
  public static ListClustersRequest all() {
    return new ListClustersRequest(null, Set.of(), null);
  }

  /** Only the clusters in one of {@code statuses}. */
  public ListClustersRequest withStatus(ClusterStatusFilteringOption... statuses) {
    return new ListClustersRequest(region, new LinkedHashSet<>(Arrays.asList(statuses)), nextToken);
  }

  public ListClustersRequest withRegion(String region) {
    return new ListClustersRequest(region, clusterStatus, nextToken);
  }

  @Override
  public ListClustersRequest withNextToken(String token) {
    return new ListClustersRequest(region, clusterStatus, token);
  }
}
