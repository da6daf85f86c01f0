package io.camelpcluster.pcluster.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.pcluster.api.model.CloudFormationResourceStatus;
import io.camelpcluster.pcluster.api.model.StackEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackEventReasonsTest {
  private final List<StackEvent> oldestFirst = new ArrayList<>();

  private void stack(String status, String reason) {
    event("demo-1", "AWS::CloudFormation::Stack", status, reason);
  }

  private void event(String logicalId, String type, String status, String reason) {
    oldestFirst.add(
        new StackEvent(
            "arn:stack/demo-1",
            "e" + oldestFirst.size(),
            "demo-1",
            logicalId,
            "",
            type,
            Instant.EPOCH.plusSeconds(oldestFirst.size()),
            CloudFormationResourceStatus.valueOf(status),
            reason,
            null,
            null));
  }

  private String reason() {
    List<StackEvent> newestFirst = new ArrayList<>(oldestFirst);
    Collections.reverse(newestFirst);
    return StackEventReasons.firstFailedResource(newestFirst);
  }

  @Test
  void theFirstFailedResourceIsTheRootCause() {
    stack("CREATE_IN_PROGRESS", "User Initiated");
    event("HeadNode", "AWS::EC2::Instance", "CREATE_IN_PROGRESS", null);
    event("HeadNode", "AWS::EC2::Instance", "CREATE_FAILED", "The instance type is not supported");
    event(
        "HeadNodeWaitCondition",
        "AWS::CloudFormation::WaitCondition",
        "CREATE_FAILED",
        "Resource creation cancelled");

    assertThat(reason())
        .isEqualTo(
            "HeadNode (AWS::EC2::Instance) CREATE_FAILED: The instance type is not supported");
  }

  @Test
  void onlyTheLastOperationCounts() {
    stack("CREATE_IN_PROGRESS", "User Initiated");
    event("Fsx", "AWS::FSx::FileSystem", "CREATE_FAILED", "old failure");
    stack("DELETE_IN_PROGRESS", "User Initiated");
    event("HeadNode", "AWS::EC2::Instance", "DELETE_FAILED", null);
    event("Vpc", "AWS::EC2::VPC", "DELETE_FAILED", "dependencies");

    assertThat(reason()).isEqualTo("HeadNode (AWS::EC2::Instance) DELETE_FAILED");
  }

  @Test
  void theStacksOwnEventsAndSuccessesAreNoReason() {
    stack("UPDATE_IN_PROGRESS", "User Initiated");
    event("HeadNode", "AWS::EC2::Instance", "UPDATE_COMPLETE", null);
    // stack statuses such as UPDATE_ROLLBACK_IN_PROGRESS are no resource status
    stack("UNKNOWN_TO_CLIENT", "The following resource(s) failed to update: []");

    assertThat(reason()).isNull();
    assertThat(StackEventReasons.firstFailedResource(List.of())).isNull();
  }
}
