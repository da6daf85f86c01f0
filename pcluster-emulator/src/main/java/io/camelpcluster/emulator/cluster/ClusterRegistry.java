package io.camelpcluster.emulator.cluster;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The clusters, keyed by region and name. Used under the emulator state's lock. */
public final class ClusterRegistry {
  private final Map<String, ClusterRecord> clusters = new LinkedHashMap<>();

  /** A cluster, if its stack exists. */
  Optional<ClusterRecord> find(String region, String name) {
    return Optional.ofNullable(clusters.get(key(region, name)));
  }

  /** The clusters of a region, newest first (as DescribeStacks lists them). */
  List<ClusterRecord> inRegion(String region) {
    return clusters.values().stream()
        .filter(c -> c.region.equals(region))
        .sorted(
            Comparator.comparing((ClusterRecord c) -> c.creationTime)
                .reversed()
                .thenComparing(c -> c.name))
        .toList();
  }

  List<ClusterRecord> all() {
    return List.copyOf(clusters.values());
  }

  void add(ClusterRecord cluster) {
    clusters.put(key(cluster.region, cluster.name), cluster);
  }

  void remove(ClusterRecord cluster) {
    clusters.remove(key(cluster.region, cluster.name));
  }

  private static String key(String region, String name) {
    return region + "/" + name;
  }
}
