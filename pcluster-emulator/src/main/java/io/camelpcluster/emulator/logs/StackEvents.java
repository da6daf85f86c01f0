package io.camelpcluster.emulator.logs;

import io.camelpcluster.emulator.model.Pages;
import io.camelpcluster.emulator.model.ResourceStatus;
import io.camelpcluster.emulator.model.Responses;
import io.camelpcluster.emulator.model.StackEvent;
import io.camelpcluster.emulator.server.Json;
import io.camelpcluster.emulator.state.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes the CloudFormation events of one stack, and pages them newest first as DescribeStackEvents
 * does.
 *
 * @param stackArn the stack id
 * @param stackName the stack name
 * @param events where events are appended, oldest first
 */
public record StackEvents(String stackArn, String stackName, List<StackEvent> events) {

  /** DescribeStackEvents' page size. */
  public static final int PAGE_SIZE = 100;

  /** An event of the stack itself; {@code status} is a stack status. */
  public void stack(String status, String reason, Instant at) {
    events.add(
        new StackEvent(
            stackArn,
            Ids.uuid(),
            stackName,
            stackName,
            stackArn,
            "AWS::CloudFormation::Stack",
            at,
            status,
            reason));
  }

  /** An event of a resource of the stack. */
  public void resource(
      String logicalId,
      String physicalId,
      String type,
      ResourceStatus status,
      String reason,
      Instant at) {
    events.add(
        new StackEvent(
            stackArn,
            logicalId + "-" + status + "-" + Json.TIMESTAMP.format(at),
            stackName,
            logicalId,
            physicalId == null ? "" : physicalId,
            type,
            at,
            status.name(),
            reason));
  }

  /** A page of events, newest first. */
  public static Responses.StackEventPage page(
      List<StackEvent> oldestFirst, String token, int pageSize) {
    List<StackEvent> newestFirst = new ArrayList<>(oldestFirst);
    Collections.reverse(newestFirst);
    Pages.Page<StackEvent> page = Pages.page("stackevents", newestFirst, token, pageSize);
    return new Responses.StackEventPage(page.nextToken(), page.items());
  }
}
