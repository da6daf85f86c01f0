package io.camelpcluster.pcluster.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.pcluster.api.model.BuildImageRequest;
import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.DeleteImageRequest;
import io.camelpcluster.pcluster.api.model.ImageBuildStatus;
import io.camelpcluster.pcluster.api.model.ImageInfoSummary;
import io.camelpcluster.pcluster.api.model.RequestedComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.UpdateComputeFleetRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Image and compute fleet waits against the emulator. */
class ImageAndFleetWaitTest {
  private static final Duration INTERVAL = Duration.ofMillis(100);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private EmulatedApi api;

  @BeforeEach
  void start() {
    api =
        EmulatedApi.start(
            EmulatorConfig.builder()
                .createDuration(Duration.ofMillis(300))
                .imageBuildDuration(Duration.ofMillis(800))
                .fleetTransitionDuration(Duration.ofMillis(600))
                .build());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private CompletableFuture<ImageInfoSummary> awaitImage(String imageId, ImageTarget target) {
    return api.waits.awaitImage(api.client, null, imageId, target, INTERVAL, TIMEOUT);
  }

  private void build(String imageId, String failReason) {
    api.client.buildImage(BuildImageRequest.of(imageId, Configs.image(failReason))).join();
  }

  @Test
  void waitersOnOneImageShareOneDescribeImagePerInterval() {
    build("image-1", null);
    api.emulator.requests().clear();
    long start = System.nanoTime();

    CompletableFuture<ImageInfoSummary> first = awaitImage("image-1", ImageTarget.built());
    CompletableFuture<ImageInfoSummary> second = awaitImage("image-1", ImageTarget.built());
    CompletableFuture<ImageInfoSummary> third =
        awaitImage("image-1", ImageTarget.status(ImageBuildStatus.BUILD_COMPLETE));

    ImageInfoSummary built = first.orTimeout(10, TimeUnit.SECONDS).join();
    assertThat(built.imageBuildStatus()).isEqualTo(ImageBuildStatus.BUILD_COMPLETE);
    assertThat(built.ec2AmiInfo()).isNotNull();
    assertThat(second.join()).isEqualTo(built);
    assertThat(third.join()).isEqualTo(built);
    long rounds = Duration.ofNanos(System.nanoTime() - start).dividedBy(INTERVAL) + 1;
    assertThat(api.count("GET", "/v3/images/custom/image-1")).isBetween(1L, rounds);
    assertThat(api.count("GET", "/v3/images/custom")).isZero();
  }

  @Test
  void aFailedBuildFailsWithTheStackAndImageBuilderReasons() {
    build("broken-image", "component step exploded");

    assertThatThrownBy(
            () ->
                awaitImage("broken-image", ImageTarget.built())
                    .orTimeout(10, TimeUnit.SECONDS)
                    .join())
        .cause()
        .isInstanceOfSatisfying(
            WaitFailedException.class,
            failed -> {
              assertThat(failed.kind()).isEqualTo("image");
              assertThat(failed.state()).startsWith("BUILD_FAILED (stack ");
              assertThat(failed.reason()).contains("component step exploded");
              assertThat(failed.getMessage())
                  .startsWith("image broken-image ended BUILD_FAILED")
                  .contains("while waiting for BUILD_COMPLETE: ");
            });
  }

  @Test
  void aDeletedImageIsGone() {
    build("image-2", null);
    awaitImage("image-2", ImageTarget.built()).orTimeout(10, TimeUnit.SECONDS).join();
    api.client.deleteImage(DeleteImageRequest.of("image-2")).join();

    ImageInfoSummary last =
        awaitImage("image-2", ImageTarget.deleted()).orTimeout(10, TimeUnit.SECONDS).join();

    assertThat(last).isNull();
    assertThat(api.emulator.requests().all())
        .filteredOn(r -> r.path().endsWith("/v3/images/custom/image-2") && r.status() == 404)
        .isNotEmpty();
  }

  @Test
  void waitsForTheComputeFleetToStopAndStart() {
    api.createCluster("fleet-1");
    api.waits
        .awaitCluster(api.client, null, "fleet-1", ClusterTarget.created(), INTERVAL, TIMEOUT)
        .orTimeout(10, TimeUnit.SECONDS)
        .join();

    api.client
        .updateComputeFleet(
            UpdateComputeFleetRequest.of("fleet-1", RequestedComputeFleetStatus.STOP_REQUESTED))
        .join();
    assertThat(
            api.waits
                .awaitComputeFleet(
                    api.client, null, "fleet-1", ComputeFleetStatus.STOPPED, INTERVAL, TIMEOUT)
                .orTimeout(10, TimeUnit.SECONDS)
                .join())
        .isEqualTo(ComputeFleetStatus.STOPPED);

    api.client
        .updateComputeFleet(
            UpdateComputeFleetRequest.of("fleet-1", RequestedComputeFleetStatus.START_REQUESTED))
        .join();
    assertThat(
            api.waits
                .awaitComputeFleet(
                    api.client, null, "fleet-1", ComputeFleetStatus.RUNNING, INTERVAL, TIMEOUT)
                .orTimeout(10, TimeUnit.SECONDS)
                .join())
        .isEqualTo(ComputeFleetStatus.RUNNING);
    assertThat(api.count("GET", "/v3/clusters/fleet-1/computefleet")).isPositive();
  }

  @Test
  void theFleetOfAClusterThatDoesNotExistFailsAfterTheGrace() {
    assertThatThrownBy(
            () ->
                api.waits
                    .awaitComputeFleet(
                        api.client, null, "no-such", ComputeFleetStatus.RUNNING, INTERVAL, TIMEOUT)
                    .orTimeout(10, TimeUnit.SECONDS)
                    .join())
        .cause()
        .isInstanceOfSatisfying(
            WaitFailedException.class,
            failed -> {
              assertThat(failed.kind()).isEqualTo("compute fleet");
              assertThat(failed.state()).isEqualTo("not found");
            });
    assertThatThrownBy(
            () ->
                api.waits.awaitComputeFleet(
                    api.client,
                    null,
                    "fleet-1",
                    ComputeFleetStatus.UNKNOWN_TO_CLIENT,
                    INTERVAL,
                    TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProtectedFleetFailsAWaitForRunning() {
    assertThat(FleetResource.judge(ComputeFleetStatus.RUNNING, ComputeFleetStatus.PROTECTED))
        .isEqualTo(Outcome.FAILED);
    assertThat(FleetResource.judge(ComputeFleetStatus.STOPPED, ComputeFleetStatus.PROTECTED))
        .isEqualTo(Outcome.WAITING);
    assertThat(FleetResource.judge(ComputeFleetStatus.STOPPED, ComputeFleetStatus.STOPPING))
        .isEqualTo(Outcome.WAITING);
    assertThat(FleetResource.judge(ComputeFleetStatus.STOPPED, null)).isEqualTo(Outcome.FAILED);
  }
}
