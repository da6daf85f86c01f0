package io.camelpcluster.pcluster.api.model;

/** DescribeComputeFleet: {@code GET /v3/clusters/{clusterName}/computefleet}. */
public record DescribeComputeFleetRequest(String clusterName, String region) {

  public static DescribeComputeFleetRequest of(String clusterName) {
    return new DescribeComputeFleetRequest(clusterName, null);
  }

  public DescribeComputeFleetRequest withRegion(String region) {
    return new DescribeComputeFleetRequest(clusterName, region);
  }
}
