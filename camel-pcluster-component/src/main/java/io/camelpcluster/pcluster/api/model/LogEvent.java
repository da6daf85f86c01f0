package io.camelpcluster.pcluster.api.model;

import java.time.Instant;

/** One line of a log stream. */
public record LogEvent(Instant timestamp, String message) {}
