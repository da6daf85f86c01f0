package io.camelpcluster.pcluster.api.model;

import java.util.List;

/** A page of DescribeClusterInstances. */
public record DescribeClusterInstancesResponse(List<ClusterInstance> instances, String nextToken)
    implements Page<ClusterInstance> {

  public DescribeClusterInstancesResponse {
    instances = ModelLists.copy(instances);
  }

  @Override
  public List<ClusterInstance> items() {
    return instances;
  }
}
