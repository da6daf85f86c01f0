package io.camelpcluster.pcluster.api;

import io.camelpcluster.pcluster.api.model.Change;
import io.camelpcluster.pcluster.api.model.ConfigValidationMessage;
import io.camelpcluster.pcluster.api.model.UpdateError;
import java.util.List;

/**
 * 400 Bad Request: an invalid parameter or configuration, an existing cluster name, an update the
 * update policy refuses, and so on. Carries the validation details of Create/UpdateCluster and
 * BuildImage when the service sent them.
 */
public class BadRequestException extends ParallelClusterServiceException {
  private static final long serialVersionUID = 1L;

  private final List<ConfigValidationMessage> configurationValidationErrors;
  private final List<UpdateError> updateValidationErrors;
  private final List<Change> changeSet;

  public BadRequestException(
      String message,
      String operation,
      String serviceMessage,
      String requestId,
      List<ConfigValidationMessage> configurationValidationErrors,
      List<UpdateError> updateValidationErrors,
      List<Change> changeSet) {
    super(message, operation, 400, serviceMessage, requestId, null);
    this.configurationValidationErrors = List.copyOf(configurationValidationErrors);
    this.updateValidationErrors = List.copyOf(updateValidationErrors);
    this.changeSet = List.copyOf(changeSet);
  }

  /** The configuration findings that failed the request; empty when none were sent. */
  public List<ConfigValidationMessage> configurationValidationErrors() {
    return configurationValidationErrors;
  }

  /** The changes the update policy refuses (UpdateCluster); empty when none were sent. */
  public List<UpdateError> updateValidationErrors() {
    return updateValidationErrors;
  }

  /** The changes of the refused update (UpdateCluster); empty when none were sent. */
  public List<Change> changeSet() {
    return changeSet;
  }
}
