package io.camelpcluster.pcluster.api.model;

/**
 * UpdateComputeFleet: {@code PATCH /v3/clusters/{clusterName}/computefleet}.
 *
 * @param status {@code START_REQUESTED}/{@code STOP_REQUESTED} for Slurm, {@code ENABLED}/{@code
 *     DISABLED} for AWS Batch
 */
public record UpdateComputeFleetRequest(
    String clusterName, RequestedComputeFleetStatus status, String region) {

  public static UpdateComputeFleetRequest of(
      String clusterName, RequestedComputeFleetStatus status) {
    return new UpdateComputeFleetRequest(clusterName, status, null);
  }

  public UpdateComputeFleetRequest withRegion(String region) {
    return new UpdateComputeFleetRequest(clusterName, status, region);
  }
}
