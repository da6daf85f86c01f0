package io.camelpcluster.emulator.model;

import java.time.Instant;

/**
 * A CloudFormation stack event. {@code resourceStatus} is a string because the stack's own events
 * carry stack statuses such as {@code ROLLBACK_IN_PROGRESS}, as CloudFormation reports them.
 */
public record StackEvent(
    String stackId,
    String eventId,
    String stackName,
    String logicalResourceId,
    String physicalResourceId,
    String resourceType,
    Instant timestamp,
    String resourceStatus,
    String resourceStatusReason) {}
