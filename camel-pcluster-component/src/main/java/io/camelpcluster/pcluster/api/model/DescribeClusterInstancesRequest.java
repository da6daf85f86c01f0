package io.camelpcluster.pcluster.api.model;

/**
 * DescribeClusterInstances: {@code GET /v3/clusters/{clusterName}/instances}.
 *
 * @param nodeType only instances of this role, or null for all
 * @param queueName only compute nodes of this queue, or null for all
 */
public record DescribeClusterInstancesRequest(
    String clusterName, String region, NodeType nodeType, String queueName, String nextToken)
    implements PaginatedRequest<DescribeClusterInstancesRequest> {

  public static DescribeClusterInstancesRequest of(String clusterName) {
    return new DescribeClusterInstancesRequest(clusterName, null, null, null, null);
  }

  public DescribeClusterInstancesRequest withRegion(String region) {
    return new DescribeClusterInstancesRequest(clusterName, region, nodeType, queueName, nextToken);
  }

  public DescribeClusterInstancesRequest withNodeType(NodeType nodeType) {
    return new DescribeClusterInstancesRequest(clusterName, region, nodeType, queueName, nextToken);
  }

  public DescribeClusterInstancesRequest withQueueName(String queueName) {
    return new DescribeClusterInstancesRequest(clusterName, region, nodeType, queueName, nextToken);
  }

  @Override
  public DescribeClusterInstancesRequest withNextToken(String token) {
    return new DescribeClusterInstancesRequest(clusterName, region, nodeType, queueName, token);
  }
}
