package io.camelpcluster.pcluster.api.model;

import java.time.Instant;

/** A CloudWatch log stream of a cluster or an image build. */
public record LogStream(
    String logStreamName,
    Instant creationTime,
    Instant firstEventTimestamp,
    Instant lastEventTimestamp,
    Instant lastIngestionTime,
    String uploadSequenceToken,
    String logStreamArn) {}
