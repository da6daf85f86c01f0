package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.ImageBuildStatus;
import io.camelpcluster.pcluster.api.model.ImageInfoSummary;
import io.camelpcluster.pcluster.wait.ClusterTarget;
import io.camelpcluster.pcluster.wait.ImageTarget;
import io.camelpcluster.pcluster.wait.WaitService;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The waits of one exchange, on the component's {@link WaitService}: poll interval from the
 * endpoint, timeout from the header or the endpoint.
 */
final class Waits {

  private final WaitService service;
  private final ParallelClusterAsyncClient client;
  private final ExchangeInputs inputs;

  Waits(WaitService service, ParallelClusterAsyncClient client, ExchangeInputs inputs) {
    this.service = service;
    this.client = client;
    this.inputs = inputs;
  }

  /** Whether the exchange asks to wait for the operation to finish. */
  boolean requested() {
    return inputs.flag(
        PclusterConstants.WAIT_FOR_COMPLETION, inputs.configuration().isWaitForCompletion());
  }

  CompletableFuture<ClusterInfoSummary> cluster(
      String region, String clusterName, ClusterTarget target) {
    return service.awaitCluster(client, region, clusterName, target, pollInterval(), timeout());
  }

  CompletableFuture<ImageInfoSummary> image(String region, String imageId, ImageTarget target) {
    return service.awaitImage(client, region, imageId, target, pollInterval(), timeout());
  }

  CompletableFuture<ComputeFleetStatus> computeFleet(
      String region, String clusterName, ComputeFleetStatus target) {
    return service.awaitComputeFleet(
        client, region, clusterName, target, pollInterval(), timeout());
  }

  /** The target of waitCluster: a {@link ClusterStatus} name, or {@code DELETED}. */
  ClusterTarget clusterTarget() {
    return ClusterTarget.parse(targetStatus());
  }

  /** The target of waitImage: an {@link ImageBuildStatus} name, or {@code DELETED}. */
  ImageTarget imageTarget() {
    return ImageTarget.parse(targetStatus());
  }

  private String targetStatus() {
    return inputs.required(
        PclusterConstants.TARGET_STATUS, inputs.configuration().getTargetStatus(), "targetStatus");
  }

  private Duration pollInterval() {
    return inputs.configuration().getPollInterval();
  }

  private Duration timeout() {
    return inputs.value(
        PclusterConstants.WAIT_TIMEOUT, Duration.class, inputs.configuration().getWaitTimeout());
  }
}
