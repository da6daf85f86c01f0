package io.camelpcluster.pcluster.api.model;

import java.util.List;

/**
 * The answer to CreateCluster.
 *
 * @param cluster the new cluster, normally in {@code CREATE_IN_PROGRESS}
 * @param validationMessages findings below the validation failure level
 */
public record CreateClusterResponse(
    ClusterInfoSummary cluster, List<ConfigValidationMessage> validationMessages) {

  public CreateClusterResponse {
    validationMessages = ModelLists.copy(validationMessages);
  }
}
