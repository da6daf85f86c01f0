package io.camelpcluster.pcluster.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.pcluster.api.RetryPolicy;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cluster waits against the emulator. */
class ClusterWaitTest {
  private static final Duration INTERVAL = Duration.ofMillis(100);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private EmulatedApi api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private EmulatedApi start(Duration create, Duration delete) {
    api =
        EmulatedApi.start(
            EmulatorConfig.builder()
                .createDuration(create)
                .deleteDuration(delete)
                .pageSize(5)
                .build());
    return api;
  }

  private CompletableFuture<ClusterInfoSummary> awaitCluster(String name, ClusterTarget target) {
    return api.waits.awaitCluster(api.client, null, name, target, INTERVAL, TIMEOUT);
  }

  @Test
  void completesWithTheClusterOnceCreated() {
    start(Duration.ofMillis(600), Duration.ofMillis(300));
    api.createCluster("demo-1");

    ClusterInfoSummary created =
        awaitCluster("demo-1", ClusterTarget.created()).orTimeout(10, TimeUnit.SECONDS).join();

    assertThat(created.clusterName()).isEqualTo("demo-1");
    assertThat(created.clusterStatus()).isEqualTo(ClusterStatus.CREATE_COMPLETE);
  }

  @Test
  void manyWaitersShareOneListClustersWalkPerInterval() {
    start(Duration.ofMillis(1500), Duration.ofMillis(300));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      names.add("shared-" + i);
      api.createCluster("shared-" + i);
    }
    api.emulator.requests().clear();
    long start = System.nanoTime();

    List<CompletableFuture<ClusterInfoSummary>> waits = new ArrayList<>();
    for (String name : names) {
      waits.add(awaitCluster(name, ClusterTarget.created()));
      waits.add(awaitCluster(name, ClusterTarget.status(ClusterStatus.CREATE_COMPLETE)));
    }
    CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new))
        .orTimeout(15, TimeUnit.SECONDS)
        .join();
    long elapsedNanos = System.nanoTime() - start;

    long pagesPerWalk = 5; // 23 clusters, 5 per page
    long walks = api.listClustersCalls() / pagesPerWalk;
    assertThat(api.listClustersCalls() % pagesPerWalk).isZero();
    assertThat(walks).isBetween(1L, elapsedNanos / INTERVAL.toNanos() + 1);
    assertThat(api.count("GET", "/v3/clusters/shared-0")).isZero();
    assertThat(waits).allSatisfy(w -> assertThat(w.join().clusterStatus()).isNotNull());
  }

  @Test
  void failsWithTheReasonFromFailuresAndStackEvents() {
    start(Duration.ofMillis(600), Duration.ofMillis(300));
    api.createCluster(
        "broken-1", Configs.slurm(Map.of("emulator:fail-create", "HeadNodeBootstrapFailure")));

    CompletableFuture<ClusterInfoSummary> wait = awaitCluster("broken-1", ClusterTarget.created());

    assertThatThrownBy(() -> wait.orTimeout(10, TimeUnit.SECONDS).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WaitFailedException.class,
            failed -> {
              assertThat(failed.name()).isEqualTo("broken-1");
              assertThat(failed.kind()).isEqualTo("cluster");
              assertThat(failed.target()).isEqualTo("CREATE_COMPLETE");
              assertThat(failed.state()).startsWith("CREATE_FAILED");
              assertThat(failed.reason()).startsWith("HeadNodeBootstrapFailure: ");
              assertThat(failed.reason()).contains("(AWS::").contains("CREATE_FAILED");
              assertThat(failed.getMessage())
                  .startsWith("cluster broken-1 ended CREATE_FAILED")
                  .contains("while waiting for CREATE_COMPLETE: HeadNodeBootstrapFailure");
            });
  }

  @Test
  void timesOutWithTheLastStateSeen() {
    start(Duration.ofMinutes(10), Duration.ofMillis(300));
    api.createCluster("slow-1");

    CompletableFuture<ClusterInfoSummary> wait =
        api.waits.awaitCluster(
            api.client, null, "slow-1", ClusterTarget.created(), INTERVAL, Duration.ofMillis(700));

    assertThatThrownBy(() -> wait.orTimeout(10, TimeUnit.SECONDS).join())
        .cause()
        .isInstanceOfSatisfying(
            WaitTimeoutException.class,
            timeout -> {
              assertThat(timeout.state()).isEqualTo("CREATE_IN_PROGRESS");
              assertThat(timeout.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(700));
              assertThat(timeout.getMessage())
                  .startsWith("timed out after ")
                  .contains("waiting for cluster slow-1 to reach CREATE_COMPLETE")
                  .endsWith("last state: CREATE_IN_PROGRESS");
            });
  }

  @Test
  void aTimeoutShorterThanTheIntervalIsHonoured() {
    start(Duration.ofMinutes(10), Duration.ofMillis(300));
    api.createCluster("slow-2");
    long start = System.nanoTime();

    CompletableFuture<ClusterInfoSummary> wait =
        api.waits.awaitCluster(
            api.client,
            null,
            "slow-2",
            ClusterTarget.created(),
            Duration.ofMinutes(5),
            Duration.ofMillis(300));

    assertThatThrownBy(() -> wait.orTimeout(10, TimeUnit.SECONDS).join())
        .cause()
        .isInstanceOf(WaitTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aDeletedClusterIsGoneFromTheList() {
    start(Duration.ofMillis(300), Duration.ofMillis(600));
    api.createCluster("doomed-1");
    awaitCluster("doomed-1", ClusterTarget.created()).orTimeout(10, TimeUnit.SECONDS).join();
    api.deleteCluster("doomed-1");

    ClusterInfoSummary last =
        awaitCluster("doomed-1", ClusterTarget.deleted()).orTimeout(10, TimeUnit.SECONDS).join();

    assertThat(last.clusterStatus()).isEqualTo(ClusterStatus.DELETE_IN_PROGRESS);
    assertThat(api.count("GET", "/v3/clusters/doomed-1")).isZero();
  }

  @Test
  void waitingForTheDeletionOfAnUnknownClusterEndsAtOnce() {
    start(Duration.ofMillis(300), Duration.ofMillis(300));

    assertThat(
            awaitCluster("never-was", ClusterTarget.deleted())
                .orTimeout(10, TimeUnit.SECONDS)
                .join())
        .isNull();
  }

  @Test
  void aClusterDeletedWhileBeingCreatedFailsTheCreationWait() {
    start(Duration.ofMinutes(10), Duration.ofMinutes(10));
    api.createCluster("short-lived");
    CompletableFuture<ClusterInfoSummary> wait =
        awaitCluster("short-lived", ClusterTarget.created());
    await().atMost(Duration.ofSeconds(5)).until(() -> api.listClustersCalls() > 0);
    api.deleteCluster("short-lived");

    assertThatThrownBy(() -> wait.orTimeout(10, TimeUnit.SECONDS).join())
        .cause()
        .isInstanceOfSatisfying(
            WaitFailedException.class,
            failed -> assertThat(failed.state()).isEqualTo("DELETE_IN_PROGRESS"));
  }

  @Test
  void aClusterNeverListedFailsAfterTheAbsenceGrace() {
    start(Duration.ofMillis(300), Duration.ofMillis(300));
    long start = System.nanoTime();

    CompletableFuture<ClusterInfoSummary> wait = awaitCluster("not-there", ClusterTarget.created());

    assertThatThrownBy(() -> wait.orTimeout(10, TimeUnit.SECONDS).join())
        .cause()
        .isInstanceOfSatisfying(
            WaitFailedException.class,
            failed -> {
              assertThat(failed.state()).isEqualTo("not found");
              assertThat(failed.reason())
                  .isEqualTo("no cluster of this name was seen within 500ms");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(500));
  }

  @Test
  void aClusterCreatedDuringTheGraceIsWaitedFor() {
    start(Duration.ofMillis(300), Duration.ofMillis(300));
    CompletableFuture<ClusterInfoSummary> wait = awaitCluster("late-1", ClusterTarget.created());
    await().atMost(Duration.ofSeconds(5)).until(() -> api.listClustersCalls() > 0);

    api.createCluster("late-1");

    assertThat(wait.orTimeout(10, TimeUnit.SECONDS).join().clusterStatus())
        .isEqualTo(ClusterStatus.CREATE_COMPLETE);
  }

  @Test
  void failedPollsAreLoggedAndRetriedWithoutFailingWaiters() {
    api =
        EmulatedApi.start(
            EmulatorConfig.builder().createDuration(Duration.ofMillis(400)).build(),
            RetryPolicy.none(),
            Duration.ofSeconds(5));
    api.createCluster("bumpy-1");
    try (LogCapture logs = new LogCapture()) {
      api.emulator.faults().throttleNext(2);
      CompletableFuture<ClusterInfoSummary> throttled =
          awaitCluster("bumpy-1", ClusterTarget.created());

      assertThat(throttled.orTimeout(10, TimeUnit.SECONDS).join().clusterStatus())
          .isEqualTo(ClusterStatus.CREATE_COMPLETE);
      assertThat(logs.text())
          .contains("ListClusters in the default region failed, waiters keep waiting");
    }
    api.emulator.faults().serverErrorNext(2, 503);
    assertThat(
            awaitCluster("bumpy-1", ClusterTarget.created())
                .orTimeout(10, TimeUnit.SECONDS)
                .join()
                .clusterName())
        .isEqualTo("bumpy-1");
    assertThat(api.emulator.requests().all())
        .filteredOn(r -> r.status() == 429 || r.status() == 503)
        .hasSize(4);
  }

  @Test
  void eachTransitionIsLoggedWithTheElapsedTime() {
    start(Duration.ofMillis(500), Duration.ofSeconds(1));
    api.createCluster("logged-1");
    try (LogCapture logs = new LogCapture()) {
      awaitCluster("logged-1", ClusterTarget.created()).orTimeout(10, TimeUnit.SECONDS).join();
      api.deleteCluster("logged-1");
      awaitCluster("logged-1", ClusterTarget.deleted()).orTimeout(10, TimeUnit.SECONDS).join();

      assertThat(logs.text())
          .containsPattern(
              "INFO .*cluster logged-1: CREATE_IN_PROGRESS \\(waiting for CREATE_COMPLETE\\)")
          .containsPattern(
              "INFO .*cluster logged-1: CREATE_IN_PROGRESS -> CREATE_COMPLETE after \\d+(\\.\\d)?m?s")
          .containsPattern("cluster logged-1: DELETE_IN_PROGRESS -> gone after \\d+(\\.\\d)?m?s");
    }
  }

  @Test
  void cancellingAWaitStopsThePolling() {
    start(Duration.ofMinutes(10), Duration.ofMillis(300));
    api.createCluster("cancelled-1");
    CompletableFuture<ClusterInfoSummary> wait =
        awaitCluster("cancelled-1", ClusterTarget.created());
    await().atMost(Duration.ofSeconds(5)).until(() -> api.listClustersCalls() >= 2);

    wait.cancel(false);

    AtomicLong lastCount = new AtomicLong(-1);
    await()
        .pollInterval(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> lastCount.getAndSet(api.listClustersCalls()) == lastCount.get());
    long calls = api.listClustersCalls();
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> api.listClustersCalls() == calls);
  }

  @Test
  void closingTheServiceFailsPendingWaits() {
    start(Duration.ofMinutes(10), Duration.ofMillis(300));
    api.createCluster("pending-1");
    CompletableFuture<ClusterInfoSummary> wait = awaitCluster("pending-1", ClusterTarget.created());

    api.waits.close();

    assertThatThrownBy(wait::join)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the wait service was closed while waiting for cluster pending-1 to reach"
                + " CREATE_COMPLETE");
    assertThatThrownBy(() -> awaitCluster("pending-1", ClusterTarget.created()).join())
        .cause()
        .hasMessage("the wait service is closed");
  }

  @Test
  void hostileNamesAndTimesAreRefused() {
    start(Duration.ofMillis(300), Duration.ofMillis(300));
    for (String name :
        new String[] {
          null, "", "a", "1abc", "demo;rm -rf /", "demo\nx", "démo", "x".repeat(10_000)
        }) {
      assertThatThrownBy(() -> awaitCluster(name, ClusterTarget.created()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("clusterName must start with a letter");
    }
    assertThatThrownBy(
            () ->
                api.waits.awaitCluster(
                    api.client, null, "ok-1", ClusterTarget.created(), Duration.ZERO, TIMEOUT))
        .hasMessage("pollInterval must be positive, got PT0S");
    assertThatThrownBy(
            () ->
                api.waits.awaitCluster(
                    api.client,
                    null,
                    "ok-1",
                    ClusterTarget.created(),
                    INTERVAL,
                    Duration.ofSeconds(-1)))
        .hasMessage("timeout must be positive, got PT-1S");
  }
}
