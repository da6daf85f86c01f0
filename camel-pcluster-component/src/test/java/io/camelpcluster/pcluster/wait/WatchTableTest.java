package io.camelpcluster.pcluster.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The bookkeeping of waiters, driven by hand-made rounds. */
class WatchTableTest {
  private static final Duration LONG = Duration.ofHours(1);

  private final WatchTable<ClusterInfoSummary, ClusterInfoSummary> clusters =
      new WatchTable<>(new ClusterResource(null, null), Duration.ZERO, 2);

  private CompletableFuture<ClusterInfoSummary> await(String name, ClusterTarget target) {
    CompletableFuture<ClusterInfoSummary> future = new CompletableFuture<>();
    clusters.add(name, target.name(), target::judge, Duration.ofSeconds(1), LONG, future);
    return future;
  }

  private void round(Map<String, ClusterInfoSummary> listed) {
    clusters.observeAll(listed, System.nanoTime());
  }

  private static ClusterInfoSummary cluster(String name, ClusterStatus status) {
    return ClusterSensorTest.cluster(name, status);
  }

  @Test
  void aClusterSkippedByOneWalkIsNotGone() {
    CompletableFuture<ClusterInfoSummary> created = await("a-1", ClusterTarget.created());
    CompletableFuture<ClusterInfoSummary> deleted = await("b-1", ClusterTarget.deleted());
    ClusterInfoSummary creating = cluster("a-1", ClusterStatus.CREATE_IN_PROGRESS);
    ClusterInfoSummary deleting = cluster("b-1", ClusterStatus.DELETE_IN_PROGRESS);

    round(Map.of("a-1", creating, "b-1", deleting));
    round(Map.of());
    round(Map.of("a-1", creating, "b-1", deleting));
    round(Map.of("a-1", creating));

    assertThat(created).isNotDone();
    assertThat(deleted).isNotDone();

    round(Map.of("a-1", creating));
    assertThat(deleted).isCompletedWithValue(deleting);
    round(Map.of());
    assertThat(created).isNotDone();
    round(Map.of());
    assertThatThrownBy(created::join)
        .cause()
        .isInstanceOfSatisfying(
            WaitFailedException.class,
            failed -> {
              assertThat(failed.state()).isEqualTo("gone");
              assertThat(failed.reason()).isEqualTo("the cluster no longer exists");
            });
    assertThat(clusters.isEmpty()).isTrue();
    assertThat(clusters.names()).isEmpty();
  }

  @Test
  void aRoundThatStartedBeforeTheWaiterDoesNotDecideIt() {
    long before = System.nanoTime();
    CompletableFuture<ClusterInfoSummary> updated = await("a-1", ClusterTarget.updated());

    clusters.observeAll(Map.of("a-1", cluster("a-1", ClusterStatus.UPDATE_COMPLETE)), before);
    assertThat(updated).isNotDone();

    round(Map.of("a-1", cluster("a-1", ClusterStatus.UPDATE_COMPLETE)));
    assertThat(updated.join().clusterStatus()).isEqualTo(ClusterStatus.UPDATE_COMPLETE);
  }

  @Test
  void cancellingAWaiterForgetsIt() {
    CompletableFuture<ClusterInfoSummary> first = await("a-1", ClusterTarget.created());
    CompletableFuture<ClusterInfoSummary> second = await("a-1", ClusterTarget.created());

    first.cancel(false);
    assertThat(clusters.names()).containsExactly("a-1");
    second.cancel(false);

    assertThat(clusters.isEmpty()).isTrue();
    assertThat(clusters.names()).isEmpty();
    assertThat(clusters.nanosToDeadline(System.nanoTime())).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void tracksTheShortestIntervalAndEarliestDeadline() {
    CompletableFuture<ComputeFleetStatus> soon = new CompletableFuture<>();
    CompletableFuture<ComputeFleetStatus> late = new CompletableFuture<>();
    WatchTable<ComputeFleetStatus, ComputeFleetStatus> fleets =
        new WatchTable<>(new FleetResource(), Duration.ZERO, 1);
    long now = System.nanoTime();
    fleets.add(
        "a-1",
        "RUNNING",
        s -> FleetResource.judge(ComputeFleetStatus.RUNNING, s),
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        late);
    fleets.add(
        "b-1",
        "STOPPED",
        s -> FleetResource.judge(ComputeFleetStatus.STOPPED, s),
        Duration.ofSeconds(5),
        Duration.ofMinutes(1),
        soon);

    assertThat(fleets.shortestInterval()).isEqualTo(Duration.ofSeconds(5).toNanos());
    assertThat(fleets.nanosToDeadline(System.nanoTime()))
        .isBetween(0L, Duration.ofMinutes(1).toNanos());

    fleets.expire(now + Duration.ofMinutes(2).toNanos());
    assertThatThrownBy(soon::join).cause().isInstanceOf(WaitTimeoutException.class);
    assertThat(late).isNotDone();
    assertThat(fleets.shortestInterval()).isEqualTo(Duration.ofSeconds(30).toNanos());
    assertThat(fleets.nanosToDeadline(now)).isGreaterThan(Duration.ofMinutes(4).toNanos());

    fleets.observe("a-1", ComputeFleetStatus.PROTECTED, System.nanoTime());
    assertThatThrownBy(late::join)
        .cause()
        .isInstanceOfSatisfying(
            WaitFailedException.class,
            failed -> assertThat(failed.reason()).startsWith("the compute fleet is PROTECTED"));
  }

  @Test
  void absurdTimeoutsDoNotOverflow() {
    CompletableFuture<ClusterInfoSummary> future = new CompletableFuture<>();
    clusters.add(
        "a-1",
        "CREATE_COMPLETE",
        ClusterTarget.created()::judge,
        Duration.ofSeconds(Long.MAX_VALUE),
        Duration.ofSeconds(Long.MAX_VALUE),
        future);

    clusters.expire(System.nanoTime());
    assertThat(future).isNotDone();
    assertThat(clusters.nanosToDeadline(System.nanoTime())).isGreaterThan(0);
  }
}
