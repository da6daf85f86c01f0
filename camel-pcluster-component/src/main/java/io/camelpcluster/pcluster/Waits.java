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
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The waits of one exchange, on the component's {@link WaitService}: poll interval from the
 * endpoint, timeout from the header or the endpoint.
 */
final class Waits {

  /** The target status that means "gone", for clusters and images alike. */
  static final String DELETED = "DELETED";

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

  /** The target of waitCluster: {@code DELETED}, or a {@link ClusterStatus} name. */
  ClusterTarget clusterTarget() {
    String status = targetStatus("a cluster status or " + DELETED);
    if (isDeleted(status)) {
      return ClusterTarget.deleted();
    }
    ClusterStatus target = parse(ClusterStatus.class, status);
    return switch (target) {
      case CREATE_COMPLETE -> ClusterTarget.created();
      case UPDATE_COMPLETE -> ClusterTarget.updated();
      default -> ClusterTarget.status(target);
    };
  }

  /** The target of waitImage: {@code DELETED}, or an {@link ImageBuildStatus} name. */
  ImageTarget imageTarget() {
    String status = targetStatus("an image build status or " + DELETED);
    if (isDeleted(status)) {
      return ImageTarget.deleted();
    }
    ImageBuildStatus target = parse(ImageBuildStatus.class, status);
    return target == ImageBuildStatus.BUILD_COMPLETE
        ? ImageTarget.built()
        : ImageTarget.status(target);
  }

  /** Whether the target status of waitCluster/waitImage is {@code DELETED}. */
  boolean targetsDeletion() {
    return isDeleted(
        inputs.text(PclusterConstants.TARGET_STATUS, inputs.configuration().getTargetStatus()));
  }

  private String targetStatus(String what) {
    return inputs.required(
        PclusterConstants.TARGET_STATUS,
        inputs.configuration().getTargetStatus(),
        "targetStatus (" + what + ")");
  }

  private static boolean isDeleted(String status) {
    return DELETED.equals(status) || "DELETE_COMPLETE".equals(status);
  }

  private <E extends Enum<E>> E parse(Class<E> type, String status) {
    try {
      E value = Enum.valueOf(type, status);
      if (!value.name().equals("UNKNOWN_TO_CLIENT")) {
        return value;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        inputs.operation()
            + ": targetStatus must be "
            + DELETED
            + " or one of "
            + Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .filter(name -> !name.equals("UNKNOWN_TO_CLIENT"))
                .toList());
  }

  private Duration pollInterval() {
    return inputs.configuration().getPollInterval();
  }

  private Duration timeout() {
    return inputs.value(
        PclusterConstants.WAIT_TIMEOUT, Duration.class, inputs.configuration().getWaitTimeout());
  }
}
