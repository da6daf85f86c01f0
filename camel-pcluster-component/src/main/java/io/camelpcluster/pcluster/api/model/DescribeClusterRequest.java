package io.camelpcluster.pcluster.api.model;

/** DescribeCluster: {@code GET /v3/clusters/{clusterName}}. */
public record DescribeClusterRequest(String clusterName, String region) {

  public static DescribeClusterRequest of(String clusterName) {
    return new DescribeClusterRequest(clusterName, null);
  }

  public DescribeClusterRequest withRegion(String region) {
    return new DescribeClusterRequest(clusterName, region);
  }
}
