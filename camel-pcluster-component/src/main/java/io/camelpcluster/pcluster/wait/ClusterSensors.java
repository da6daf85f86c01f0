package io.camelpcluster.pcluster.wait;

import io.camelpcluster.pcluster.api.NotFoundException;
import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sensor subscriptions of one poller, and the tags they filter on: ListClusters carries no
 * tags, so each newly seen cluster a tag filter may concern is described once (a few at a time) and
 * its tags kept until it is no longer listed.
 */
final class ClusterSensors {
  private static final Logger LOG = LoggerFactory.getLogger(WaitService.class);
  private static final int PARALLEL_TAG_LOOKUPS = 4;

  private final ParallelClusterAsyncClient client;
  private final String region;
  private final Executor executor;
  private final Clock clock;
  private final List<ClusterSensor> sensors = new CopyOnWriteArrayList<>();
  private final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();

  ClusterSensors(ParallelClusterAsyncClient client, String region, Executor executor, Clock clock) {
    this.client = client;
    this.region = region;
    this.executor = executor;
    this.clock = clock;
  }

  void add(ClusterSensor sensor) {
    sensors.add(sensor);
  }

  void remove(ClusterSensor sensor) {
    sensor.close();
    sensors.remove(sensor);
  }

  boolean isEmpty() {
    return sensors.isEmpty();
  }

  /** The shortest interval a subscription asked for; {@link Long#MAX_VALUE} for none. */
  long shortestInterval() {
    long shortest = Long.MAX_VALUE;
    for (ClusterSensor sensor : sensors) {
      shortest = Math.min(shortest, sensor.interval());
    }
    return shortest;
  }

  void closeAll() {
    sensors.forEach(ClusterSensor::close);
    sensors.clear();
    tags.clear();
  }

  /**
   * Looks up the tags still needed, then gives each subscription newer than the round its events.
   */
  CompletableFuture<Void> observe(List<ClusterInfoSummary> clusters, long roundStart) {
    Set<String> listed = new HashSet<>();
    clusters.forEach(cluster -> listed.add(cluster.clusterName()));
    tags.keySet().retainAll(listed);
    List<ClusterSensor> active =
        sensors.stream().filter(s -> s.follows(roundStart) && !s.isClosed()).toList();
    if (active.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    List<String> missing =
        clusters.stream()
            .map(ClusterInfoSummary::clusterName)
            .filter(name -> !tags.containsKey(name) && needsTags(active, name))
            .distinct()
            .toList();
    return lookUpTags(missing).thenRunAsync(() -> emit(active, clusters), executor);
  }

  private static boolean needsTags(List<ClusterSensor> sensors, String name) {
    for (ClusterSensor sensor : sensors) {
      if (sensor.filter().needsTags() && sensor.filter().matchesName(name)) {
        return true;
      }
    }
    return false;
  }

  private void emit(List<ClusterSensor> active, List<ClusterInfoSummary> clusters) {
    Instant now = clock.instant();
    for (ClusterSensor sensor : active) {
      if (sensor.isClosed()) {
        continue;
      }
      for (ClusterEvent event : sensor.observe(clusters, tags::get, region, now)) {
        if (sensor.isClosed()) {
          break;
        }
        LOG.debug(
            "cluster {}: {} {} -> {}",
            event.clusterName(),
            event.type(),
            event.previousStatus(),
            event.status());
        try {
          sensor.listener().accept(event);
        } catch (RuntimeException e) {
          LOG.warn(
              "A cluster event listener failed on {} of cluster {}",
              event.type(),
              event.clusterName(),
              e);
        }
      }
    }
  }

  private CompletableFuture<Void> lookUpTags(List<String> names) {
    if (names.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    AtomicInteger next = new AtomicInteger();
    CompletableFuture<?>[] chains =
        new CompletableFuture<?>[Math.min(PARALLEL_TAG_LOOKUPS, names.size())];
    for (int i = 0; i < chains.length; i++) {
      chains[i] = lookUpNext(names, next);
    }
    return CompletableFuture.allOf(chains);
  }

  private CompletableFuture<Void> lookUpNext(List<String> names, AtomicInteger next) {
    int index = next.getAndIncrement();
    if (index >= names.size()) {
      return CompletableFuture.completedFuture(null);
    }
    String name = names.get(index);
    return client
        .describeCluster(new DescribeClusterRequest(name, region))
        .handle(
            (described, error) -> {
              if (error == null) {
                tags.put(name, asMap(described.tags()));
              } else if (!(FailureText.unwrap(error) instanceof NotFoundException)) {
                LOG.debug(
                    "Cannot look up the tags of cluster {}, trying again next poll: {}",
                    name,
                    FailureText.unwrap(error).getMessage());
              }
              return null;
            })
        .thenCompose(done -> lookUpNext(names, next));
  }

  private static Map<String, String> asMap(List<Tag> tags) {
    Map<String, String> map = new HashMap<>();
    for (Tag tag : tags) {
      if (tag.key() != null && tag.value() != null) {
        map.put(tag.key(), tag.value());
      }
    }
    return map;
  }
}
