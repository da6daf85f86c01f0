package io.camelpcluster.pcluster.api.model;

import java.util.List;

/** A page of ListClusters. */
public record ListClustersResponse(List<ClusterInfoSummary> clusters, String nextToken)
    implements Page<ClusterInfoSummary> {

  public ListClustersResponse {
    clusters = ModelLists.copy(clusters);
  }

  @Override
  public List<ClusterInfoSummary> items() {
    return clusters;
  }
}
