package io.camelpcluster.pcluster.wait;

import io.camelpcluster.pcluster.api.model.CloudFormationResourceStatus;
import io.camelpcluster.pcluster.api.model.StackEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads why a stack operation failed from its events. */
final class StackEventReasons {
  private static final Set<String> OPERATION_STARTS =
      Set.of("CREATE_IN_PROGRESS", "UPDATE_IN_PROGRESS", "DELETE_IN_PROGRESS");
  private static final Set<CloudFormationResourceStatus> FAILED =
      EnumSet.of(
          CloudFormationResourceStatus.CREATE_FAILED,
          CloudFormationResourceStatus.UPDATE_FAILED,
          CloudFormationResourceStatus.DELETE_FAILED,
          CloudFormationResourceStatus.IMPORT_FAILED,
          CloudFormationResourceStatus.IMPORT_ROLLBACK_FAILED);

  private StackEventReasons() {}

  /**
   * The first resource that failed in the stack's last operation, e.g. {@code HeadNode
   * (AWS::EC2::Instance) CREATE_FAILED: ...}: the root cause, before the cancellations it set off.
   * Null when no resource failed.
   *
   * @param newestFirst the events as GetClusterStackEvents and GetImageStackEvents return them
   */
  static String firstFailedResource(List<StackEvent> newestFirst) {
    StackEvent first = null;
    for (StackEvent event : newestFirst) {
      boolean ofStack =
          event.logicalResourceId() != null && event.logicalResourceId().equals(event.stackName());
      if (ofStack) {
        if (event.resourceStatus() != null
            && OPERATION_STARTS.contains(event.resourceStatus().name())) {
          break;
        }
      } else if (FAILED.contains(event.resourceStatus())) {
        first = event;
      }
    }
    if (first == null) {
      return null;
    }
    return first.logicalResourceId()
        + " ("
        + first.resourceType()
        + ") "
        + first.resourceStatus()
        + (first.resourceStatusReason() == null ? "" : ": " + first.resourceStatusReason());
  }
}
