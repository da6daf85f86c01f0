package io.camelpcluster.pcluster.api.model;

import java.util.List;

/**
 * The outcome of a successful dry run (HTTP 412): the request is valid and would have succeeded.
 *
 * @param message normally {@code Request would have succeeded, but DryRun flag is set.}
 * @param changeSet the changes an update would make (UpdateCluster only)
 * @param validationMessages findings below the validation failure level
 */
public record DryRunResult(
    String message, List<Change> changeSet, List<ConfigValidationMessage> validationMessages) {

  public DryRunResult {
    changeSet = ModelLists.copy(changeSet);
    validationMessages = ModelLists.copy(validationMessages);
  }
}
