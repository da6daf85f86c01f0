package io.camelpcluster.pcluster.api.model;

import java.util.List;

/**
 * The answer to UpdateCluster.
 *
 * @param cluster the cluster, normally in {@code UPDATE_IN_PROGRESS}
 * @param changeSet the accepted changes
 * @param validationMessages findings below the validation failure level
 */
public record UpdateClusterResponse(
    ClusterInfoSummary cluster,
    List<Change> changeSet,
    List<ConfigValidationMessage> validationMessages) {

  public UpdateClusterResponse {
    changeSet = ModelLists.copy(changeSet);
    validationMessages = ModelLists.copy(validationMessages);
  }
}
