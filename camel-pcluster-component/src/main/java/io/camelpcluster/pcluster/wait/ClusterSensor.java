package io.camelpcluster.pcluster.wait;

import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One subscription to cluster events: the clusters it knows, and what changed since the last round.
 * A known cluster is deleted once missing from two rounds in a row (a walk over pages can skip a
 * cluster while others disappear). Rounds of one poller never overlap, so its state needs no lock.
 */
final class ClusterSensor {
  private static final int MISSES_FOR_DELETED = 2;

  private final ClusterEventFilter filter;
  private final boolean emitInitialState;
  private final Consumer<ClusterEvent> listener;
  private final long since;
  private final long interval;
  private final Map<String, Known> known = new HashMap<>();
  private boolean primed;
  private volatile boolean closed;

  ClusterSensor(
      ClusterEventFilter filter,
      boolean emitInitialState,
      Consumer<ClusterEvent> listener,
      long since,
      long interval) {
    this.filter = filter;
    this.emitInitialState = emitInitialState;
    this.listener = listener;
    this.since = since;
    this.interval = interval;
  }

  ClusterEventFilter filter() {
    return filter;
  }

  Consumer<ClusterEvent> listener() {
    return listener;
  }

  /** The poll interval it asked for, in nanoseconds. */
  long interval() {
    return interval;
  }

  /** Whether a round that started at {@code roundStart} is newer than the subscription. */
  boolean follows(long roundStart) {
    return roundStart - since >= 0;
  }

  boolean isClosed() {
    return closed;
  }

  void close() {
    closed = true;
  }

  /**
   * The events of one round that listed every cluster there is.
   *
   * @param tags the tags of a cluster, or null when they could not be looked up (the cluster is
   *     then left for a later round)
   * @param region the region polled, used when a listed cluster does not name its own
   */
  List<ClusterEvent> observe(
      List<ClusterInfoSummary> clusters,
      Function<String, Map<String, String>> tags,
      String region,
      Instant observedAt) {
    List<ClusterEvent> events = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (ClusterInfoSummary cluster : clusters) {
      String name = cluster.clusterName();
      if (!filter.matchesName(name)) {
        continue;
      }
      Known seen = known.get(name);
      ClusterInfoSummary previous = seen == null ? null : seen.cluster;
      if (previous == null && filter.needsTags()) {
        Map<String, String> clusterTags = tags.apply(name);
        if (clusterTags == null || !filter.matchesTags(clusterTags)) {
          continue;
        }
      }
      listed.add(name);
      known.put(name, new Known(cluster));
      ClusterStatus status = cluster.clusterStatus();
      if (previous == null) {
        if ((primed || emitInitialState) && filter.matchesStatus(status)) {
          events.add(event(ClusterEventType.CREATED, cluster, null, status, region, observedAt));
        }
      } else if (previous.clusterStatus() != status && filter.matchesStatus(status)) {
        events.add(
            event(
                ClusterEventType.STATUS_CHANGED,
                cluster,
                previous.clusterStatus(),
                status,
                region,
                observedAt));
      }
    }
    for (Iterator<Known> it = known.values().iterator(); it.hasNext(); ) {
      Known missing = it.next();
      ClusterInfoSummary last = missing.cluster;
      if (listed.contains(last.clusterName()) || ++missing.misses < MISSES_FOR_DELETED) {
        continue;
      }
      it.remove();
      if (filter.matchesStatus(ClusterStatus.DELETE_COMPLETE)) {
        events.add(
            event(
                ClusterEventType.DELETED,
                last,
                last.clusterStatus(),
                ClusterStatus.DELETE_COMPLETE,
                region,
                observedAt));
      }
    }
    primed = true;
    return events;
  }

  private static ClusterEvent event(
      ClusterEventType type,
      ClusterInfoSummary cluster,
      ClusterStatus previous,
      ClusterStatus status,
      String region,
      Instant observedAt) {
    return new ClusterEvent(
        type,
        cluster.clusterName(),
        cluster.region() != null ? cluster.region() : region,
        previous,
        status,
        cluster,
        observedAt);
  }

  /** A cluster as last listed, and in how many rounds in a row it has been missing since. */
  private static final class Known {
    final ClusterInfoSummary cluster;
    int misses;

    Known(ClusterInfoSummary cluster) {
      this.cluster = cluster;
    }
  }
}
