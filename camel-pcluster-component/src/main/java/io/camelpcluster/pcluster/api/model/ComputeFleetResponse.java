package io.camelpcluster.pcluster.api.model;

import java.time.Instant;

/**
 * The status of a compute fleet, as answered by DescribeComputeFleet and UpdateComputeFleet.
 *
 * @param lastStatusUpdatedTime when the status was last written (Slurm only)
 */
public record ComputeFleetResponse(ComputeFleetStatus status, Instant lastStatusUpdatedTime) {}
