package io.camelpcluster.benchmarks;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.wait.ClusterTarget;
import io.camelpcluster.pcluster.wait.WaitService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Waits through the {@code WaitService} itself, set up as the component sets it up: a two-thread
 * scheduler for the polls and the client's retry delays, and one client. Creation, then deletion.
 */
final class ServiceRun {
  private static final Duration WAIT_TIMEOUT = Duration.ofHours(1);

  private final Duration interval;
  private final Phase phase;
  private final int pageSize;

  ServiceRun(Duration interval, int pageSize, int window) {
    this.interval = interval;
    this.pageSize = pageSize;
    this.phase = new Phase(interval, pageSize, window);
  }

  List<Phase.Result> run(int n) throws Exception {
    try (EmulatedClusters clusters = new EmulatedClusters(n, pageSize)) {
      System.out.printf("N=%,d: creating the clusters%n", n);
      Instant[] created = clusters.create();
      ThreadCensus before = ThreadCensus.take();
      ScheduledThreadPoolExecutor scheduler =
          new ScheduledThreadPoolExecutor(2, EmulatedClusters.named("pcluster-wait-"));
      scheduler.setRemoveOnCancelPolicy(true);
      try (ParallelClusterAsyncClient client = clusters.client(scheduler);
          WaitService waits = new WaitService(scheduler)) {
        Phase.Result creation =
            phase.run(
                clusters,
                "create, WaitService",
                created,
                i ->
                    waits.awaitCluster(
                        client,
                        null,
                        EmulatedClusters.name(i),
                        ClusterTarget.created(),
                        interval,
                        WAIT_TIMEOUT),
                before);
        System.out.printf("N=%,d: deleting the clusters%n", n);
        Instant[] deleted = clusters.delete();
        Phase.Result deletion =
            phase.run(
                clusters,
                "delete, WaitService",
                deleted,
                i ->
                    waits.awaitCluster(
                        client,
                        null,
                        EmulatedClusters.name(i),
                        ClusterTarget.deleted(),
                        interval,
                        WAIT_TIMEOUT),
                before);
        return List.of(creation, deletion);
      } finally {
        scheduler.shutdownNow();
      }
    }
  }
}
