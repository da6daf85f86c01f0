package io.camelpcluster.pcluster.wait;

import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import java.util.concurrent.CompletableFuture;

/** The compute fleet of a cluster, as DescribeComputeFleet shows it. */
record FleetResource() implements Resource<ComputeFleetStatus, ComputeFleetStatus> {

  /**
   * What {@code seen} (null: the cluster does not exist) means when waiting for {@code target}:
   * {@code PROTECTED} (static nodes failing to bootstrap) fails a wait for {@code RUNNING}.
   */
  static Outcome judge(ComputeFleetStatus target, ComputeFleetStatus seen) {
    if (seen == null) {
      return Outcome.FAILED;
    }
    if (seen == target) {
      return Outcome.REACHED;
    }
    return target == ComputeFleetStatus.RUNNING && seen == ComputeFleetStatus.PROTECTED
        ? Outcome.FAILED
        : Outcome.WAITING;
  }

  @Override
  public String kind() {
    return "compute fleet";
  }

  @Override
  public String label(ComputeFleetStatus status) {
    return status == null ? "gone" : status.name();
  }

  @Override
  public boolean same(ComputeFleetStatus a, ComputeFleetStatus b) {
    return a == b;
  }

  @Override
  public ComputeFleetStatus result(ComputeFleetStatus status) {
    return status;
  }

  @Override
  public CompletableFuture<String> reason(String clusterName, ComputeFleetStatus status) {
    return CompletableFuture.completedFuture(
        status == null
            ? "the cluster does not exist"
            : "the compute fleet is PROTECTED: static nodes failed to bootstrap repeatedly, their"
                + " queues are inactive");
  }
}
