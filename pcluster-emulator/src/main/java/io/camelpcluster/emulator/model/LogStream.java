package io.camelpcluster.emulator.model;

import java.time.Instant;

/** A CloudWatch log stream. */
public record LogStream(
    String logStreamName,
    Instant creationTime,
    Instant firstEventTimestamp,
    Instant lastEventTimestamp,
    Instant lastIngestionTime,
    String uploadSequenceToken,
    String logStreamArn) {}
