package io.camelpcluster.pcluster.api.model;

/**
 * The scheduler of a cluster.
 *
 * @param type {@code slurm} or {@code awsbatch}
 * @param metadata legacy plugin information, or null
 */
public record Scheduler(String type, Metadata metadata) {}
