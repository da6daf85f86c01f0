package io.camelpcluster.pcluster.api.model;

/**
 * DeleteClusterInstances: {@code DELETE /v3/clusters/{clusterName}/instances}; terminates the
 * compute nodes.
 *
 * @param force whether to go ahead even when the cluster stack is not found, or null (false)
 */
public record DeleteClusterInstancesRequest(String clusterName, String region, Boolean force) {

  public static DeleteClusterInstancesRequest of(String clusterName) {
    return new DeleteClusterInstancesRequest(clusterName, null, null);
  }

  public DeleteClusterInstancesRequest withRegion(String region) {
    return new DeleteClusterInstancesRequest(clusterName, region, force);
  }

  public DeleteClusterInstancesRequest withForce(boolean force) {
    return new DeleteClusterInstancesRequest(clusterName, region, force);
  }
}
