package io.camelpcluster.pcluster.wait;

import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Clusters of one (client, region): one ListClusters walk (every page) per interval serves every
 * waiter and every sensor subscription. The walk's result is handled on the scheduler.
 */
final class ClusterPoller implements Poller {
  private final PollKey key;
  private final ScheduledExecutorService scheduler;
  private final WatchTable<ClusterInfoSummary, ClusterInfoSummary> waiters;
  private final ClusterSensors sensors;
  private final PollLoop loop;

  ClusterPoller(
      PollKey key,
      ScheduledExecutorService scheduler,
      Duration absenceGrace,
      Clock clock,
      Consumer<Poller> retire) {
    this.key = key;
    this.scheduler = scheduler;
    this.waiters =
        new WatchTable<>(new ClusterResource(key.client(), key.region()), absenceGrace, 2);
    this.sensors = new ClusterSensors(key.client(), key.region(), scheduler, clock);
    this.loop =
        new PollLoop(
            scheduler, this, "ListClusters in " + key.regionName(), () -> retire.accept(this));
  }

  CompletableFuture<ClusterInfoSummary> await(
      String clusterName, ClusterTarget target, Duration interval, Duration timeout) {
    CompletableFuture<ClusterInfoSummary> future = new CompletableFuture<>();
    waiters.add(clusterName, target.name(), target::judge, interval, timeout, future);
    return future;
  }

  Subscription subscribe(
      ClusterEventFilter filter,
      boolean emitInitialState,
      Duration interval,
      Consumer<ClusterEvent> listener) {
    ClusterSensor sensor =
        new ClusterSensor(
            filter, emitInitialState, listener, System.nanoTime(), Nanos.of(interval));
    sensors.add(sensor);
    return new Subscription(() -> sensors.remove(sensor));
  }

  @Override
  public PollLoop loop() {
    return loop;
  }

  @Override
  public CompletableFuture<?> poll(long roundStart) {
    return key.client()
        .listAllClusters(new ListClustersRequest(key.region(), Set.of(), null))
        .thenComposeAsync(
            clusters -> {
              waiters.observeAll(byName(clusters), roundStart);
              return sensors.observe(clusters, roundStart);
            },
            scheduler);
  }

  @Override
  public void expire(long now) {
    waiters.expire(now);
  }

  @Override
  public long intervalNanos() {
    return Math.min(waiters.shortestInterval(), sensors.shortestInterval());
  }

  @Override
  public long nanosToDeadline(long now) {
    return waiters.nanosToDeadline(now);
  }

  @Override
  public boolean idle() {
    return waiters.isEmpty() && sensors.isEmpty();
  }

  @Override
  public void close() {
    loop.close();
    sensors.closeAll();
    waiters.failAll();
  }

  private static Map<String, ClusterInfoSummary> byName(List<ClusterInfoSummary> clusters) {
    Map<String, ClusterInfoSummary> byName = new HashMap<>(clusters.size() * 4 / 3 + 1);
    for (ClusterInfoSummary cluster : clusters) {
      byName.put(cluster.clusterName(), cluster);
    }
    return byName;
  }
}
