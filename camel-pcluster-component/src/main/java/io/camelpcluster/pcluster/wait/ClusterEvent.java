package io.camelpcluster.pcluster.wait;

import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import java.time.Instant;

/**
 * A change seen by the cluster sensor.
 *
 * @param type what happened
 * @param clusterName the cluster
 * @param region the region it is in
 * @param previousStatus the status seen before; null for {@link ClusterEventType#CREATED}
 * @param status the status now; {@code DELETE_COMPLETE} for {@link ClusterEventType#DELETED}
 * @param cluster the cluster as listed; for {@link ClusterEventType#DELETED} as last listed
 * @param observedAt when the poll that saw it completed
 */
public record ClusterEvent(
    ClusterEventType type,
    String clusterName,
    String region,
    ClusterStatus previousStatus,
    ClusterStatus status,
    ClusterInfoSummary cluster,
    Instant observedAt) {}
