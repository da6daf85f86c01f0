package io.camelpcluster.pcluster.api.model;

import java.time.Instant;

/** A CloudFormation event of a cluster's or an image build's stack. */
public record StackEvent(
    String stackId,
    String eventId,
    String stackName,
    String logicalResourceId,
    String physicalResourceId,
    String resourceType,
    Instant timestamp,
    CloudFormationResourceStatus resourceStatus,
    String resourceStatusReason,
    String resourceProperties,
    String clientRequestToken) {}
