package io.camelpcluster.emulator.model;

import java.time.Instant;

/** One CloudWatch log event. */
public record LogEvent(Instant timestamp, String message) {}
