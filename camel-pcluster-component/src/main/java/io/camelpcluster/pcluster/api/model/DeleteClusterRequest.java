package io.camelpcluster.pcluster.api.model;

/** DeleteCluster: {@code DELETE /v3/clusters/{clusterName}}. */
public record DeleteClusterRequest(String clusterName, String region) {

  public static DeleteClusterRequest of(String clusterName) {
    return new DeleteClusterRequest(clusterName, null);
  }

  public DeleteClusterRequest withRegion(String region) {
    return new DeleteClusterRequest(clusterName, region);
  }
}
