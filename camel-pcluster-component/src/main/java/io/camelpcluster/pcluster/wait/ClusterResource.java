package io.camelpcluster.pcluster.wait;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.Failure;
import io.camelpcluster.pcluster.api.model.GetClusterStackEventsRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Clusters as ListClusters shows them. */
record ClusterResource(ParallelClusterAsyncClient client, String region)
    implements Resource<ClusterInfoSummary, ClusterInfoSummary> {

  @Override
  public String kind() {
    return "cluster";
  }

  @Override
  public String label(ClusterInfoSummary cluster) {
    if (cluster == null) {
      return "gone";
    }
    String status = String.valueOf(cluster.clusterStatus());
    String stack = String.valueOf(cluster.cloudformationStackStatus());
    return status.equals(stack) ? status : status + " (stack " + stack + ")";
  }

  @Override
  public boolean same(ClusterInfoSummary a, ClusterInfoSummary b) {
    return a.clusterStatus() == b.clusterStatus()
        && a.cloudformationStackStatus() == b.cloudformationStackStatus();
  }

  @Override
  public ClusterInfoSummary result(ClusterInfoSummary cluster) {
    return cluster;
  }

  /**
   * DescribeCluster's {@code failures} (only a {@code CREATE_FAILED} cluster has them) and the
   * first failed resource of the stack's last operation.
   */
  @Override
  public CompletableFuture<String> reason(String name, ClusterInfoSummary cluster) {
    if (cluster == null) {
      return CompletableFuture.completedFuture("the cluster no longer exists");
    }
    CompletableFuture<String> failures =
        cluster.clusterStatus() == ClusterStatus.CREATE_FAILED
            ? client
                .describeCluster(new DescribeClusterRequest(name, region))
                .thenApply(described -> failureText(described.failures()))
            : CompletableFuture.completedFuture(null);
    CompletableFuture<String> resource =
        client
            .getAllClusterStackEvents(new GetClusterStackEventsRequest(name, region, null))
            .thenApply(StackEventReasons::firstFailedResource);
    return FailureText.join(failures, resource);
  }

  private static String failureText(List<Failure> failures) {
    return failures.isEmpty()
        ? null
        : String.join(
            "; ", failures.stream().map(f -> f.failureCode() + ": " + f.failureReason()).toList());
  }
}
