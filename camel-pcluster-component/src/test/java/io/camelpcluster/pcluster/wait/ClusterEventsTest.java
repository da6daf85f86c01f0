package io.camelpcluster.pcluster.wait;

import static io.camelpcluster.pcluster.wait.ClusterEventType.CREATED;
import static io.camelpcluster.pcluster.wait.ClusterEventType.DELETED;
import static io.camelpcluster.pcluster.wait.ClusterEventType.STATUS_CHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cluster sensor against the emulator. */
class ClusterEventsTest {
  private static final Duration INTERVAL = Duration.ofMillis(100);

  private EmulatedApi api;
  private final List<ClusterEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    api =
        EmulatedApi.start(
            EmulatorConfig.builder()
                .createDuration(Duration.ofMillis(500))
                .deleteDuration(Duration.ofMillis(500))
                .pageSize(2)
                .build());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private Subscription watch(ClusterEventFilter filter, boolean emitInitialState) {
    return api.waits.watchClusters(
        api.client, null, INTERVAL, filter, emitInitialState, events::add);
  }

  private void awaitCreated(String name) {
    api.waits
        .awaitCluster(
            api.client, null, name, ClusterTarget.created(), INTERVAL, Duration.ofSeconds(30))
        .orTimeout(10, TimeUnit.SECONDS)
        .join();
  }

  private List<ClusterEvent> eventsOf(String name) {
    return events.stream().filter(e -> e.clusterName().equals(name)).toList();
  }

  @Test
  void reportsTheLifeOfAClusterInOrder() {
    api.createCluster("old-1");
    awaitCreated("old-1");
    try (Subscription subscription = watch(ClusterEventFilter.all(), true)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> !eventsOf("old-1").isEmpty());

      api.createCluster("new-1");
      await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf("new-1").size() >= 2);
      api.deleteCluster("new-1");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> eventsOf("new-1").stream().anyMatch(e -> e.type() == DELETED));

      assertThat(eventsOf("old-1"))
          .extracting(ClusterEvent::type, ClusterEvent::status)
          .containsExactly(tuple(CREATED, ClusterStatus.CREATE_COMPLETE));
      assertThat(eventsOf("new-1"))
          .extracting(ClusterEvent::type, ClusterEvent::previousStatus, ClusterEvent::status)
          .containsExactly(
              tuple(CREATED, null, ClusterStatus.CREATE_IN_PROGRESS),
              tuple(
                  STATUS_CHANGED, ClusterStatus.CREATE_IN_PROGRESS, ClusterStatus.CREATE_COMPLETE),
              tuple(
                  STATUS_CHANGED, ClusterStatus.CREATE_COMPLETE, ClusterStatus.DELETE_IN_PROGRESS),
              tuple(DELETED, ClusterStatus.DELETE_IN_PROGRESS, ClusterStatus.DELETE_COMPLETE));
      ClusterEvent deleted = eventsOf("new-1").get(3);
      assertThat(deleted.region()).isEqualTo(api.emulator.region());
      assertThat(deleted.cluster().clusterName()).isEqualTo("new-1");
      assertThat(deleted.observedAt()).isNotNull();
    }
  }

  @Test
  void filtersByPrefixTagsAndStatusDescribingEachClusterOnce() {
    api.createCluster("hpc-a", Configs.slurm(Map.of("team", "a")));
    api.createCluster("hpc-b", Configs.slurm(Map.of("team", "b")));
    api.createCluster("web-a", Configs.slurm(Map.of("team", "a")));
    ClusterEventFilter filter =
        new ClusterEventFilter(
            "hpc-",
            Map.of("team", "a"),
            Set.of(ClusterStatus.CREATE_COMPLETE, ClusterStatus.DELETE_COMPLETE));

    try (Subscription subscription = watch(filter, true)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> !events.isEmpty());
      long rounds = api.listClustersCalls();
      await().atMost(Duration.ofSeconds(20)).until(() -> api.listClustersCalls() >= rounds + 10);
      api.deleteCluster("hpc-a");
      api.deleteCluster("hpc-b");
      await().atMost(Duration.ofSeconds(20)).until(() -> events.size() >= 2);

      assertThat(events)
          .extracting(ClusterEvent::clusterName, ClusterEvent::status)
          .containsExactly(
              tuple("hpc-a", ClusterStatus.CREATE_COMPLETE),
              tuple("hpc-a", ClusterStatus.DELETE_COMPLETE));
      assertThat(events.get(0).type()).isIn(CREATED, STATUS_CHANGED);
      assertThat(events.get(1).type()).isEqualTo(DELETED);
      assertThat(api.count("GET", "/v3/clusters/hpc-a")).isEqualTo(1);
      assertThat(api.count("GET", "/v3/clusters/hpc-b")).isEqualTo(1);
      assertThat(api.count("GET", "/v3/clusters/web-a")).isZero();
    }
  }

  @Test
  void withoutInitialStateOnlyNewClustersAreReported() {
    api.createCluster("before-1");
    try (Subscription subscription = watch(ClusterEventFilter.all(), false)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> api.listClustersCalls() >= 2);
      api.createCluster("after-1");
      await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf("after-1").size() >= 2);

      assertThat(eventsOf("after-1").get(0).type()).isEqualTo(CREATED);
      assertThat(eventsOf("before-1")).extracting(ClusterEvent::type).containsOnly(STATUS_CHANGED);
    }
  }

  @Test
  void sensorsAndWaitersShareTheWalk() {
    for (int i = 0; i < 5; i++) {
      api.createCluster("shared-" + i);
    }
    api.emulator.requests().clear();
    long start = System.nanoTime();
    List<ClusterEvent> other = new CopyOnWriteArrayList<>();
    try (Subscription first = watch(ClusterEventFilter.all(), true);
        Subscription second =
            api.waits.watchClusters(
                api.client, null, INTERVAL, ClusterEventFilter.all(), true, other::add)) {
      for (int i = 0; i < 5; i++) {
        awaitCreated("shared-" + i);
      }
      // how many events a cluster yields depends on whether the first walk saw it in progress, so
      // wait for every cluster's completion in both and compare what both have seen
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> allCreated(events, 5) && allCreated(other, 5));
      long walks = (api.listClustersCalls() + 2) / 3;
      assertThat(walks)
          .isLessThanOrEqualTo(Duration.ofNanos(System.nanoTime() - start).dividedBy(INTERVAL) + 1);
      int seenByBoth = Math.min(events.size(), other.size());
      assertThat(seenByBoth).isGreaterThanOrEqualTo(5);
      assertThat(other.subList(0, seenByBoth))
          .extracting(ClusterEvent::type, ClusterEvent::clusterName, ClusterEvent::status)
          .containsExactlyElementsOf(
              events.subList(0, seenByBoth).stream()
                  .map(e -> tuple(e.type(), e.clusterName(), e.status()))
                  .toList());
    }
  }

  private static boolean allCreated(List<ClusterEvent> seen, int clusters) {
    for (int i = 0; i < clusters; i++) {
      String name = "shared-" + i;
      if (seen.stream()
          .noneMatch(
              e -> e.clusterName().equals(name) && e.status() == ClusterStatus.CREATE_COMPLETE)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void aFailingListenerKeepsReceivingAndClosingStopsThePolling() {
    AtomicInteger calls = new AtomicInteger();
    Subscription subscription =
        api.waits.watchClusters(
            api.client,
            null,
            INTERVAL,
            ClusterEventFilter.all(),
            true,
            event -> {
              calls.incrementAndGet();
              throw new IllegalStateException("listener bug");
            });
    api.createCluster("x-1");
    await().atMost(Duration.ofSeconds(20)).until(() -> calls.get() >= 2);

    subscription.close();
    subscription.close();

    AtomicLong lastCount = new AtomicLong(-1);
    await()
        .pollInterval(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(20))
        .until(() -> lastCount.getAndSet(api.listClustersCalls()) == lastCount.get());
    int seen = calls.get();
    api.createCluster("x-2");
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> calls.get() == seen && api.listClustersCalls() == lastCount.get());
  }
}
