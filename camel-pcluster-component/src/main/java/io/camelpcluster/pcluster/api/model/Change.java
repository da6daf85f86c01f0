package io.camelpcluster.pcluster.api.model;

/**
 * One change of a cluster update.
 *
 * @param parameter dotted path, list items keyed by name, e.g. {@code
 *     Scheduling.SlurmQueues[queue1].ComputeResources[cr1].MaxCount}
 * @param currentValue the current value, {@code -} when absent
 * @param requestedValue the requested value, {@code -} when absent
 */
public record Change(String parameter, String currentValue, String requestedValue) {}
