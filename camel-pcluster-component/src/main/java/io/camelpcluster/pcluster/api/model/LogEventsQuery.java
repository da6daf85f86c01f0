package io.camelpcluster.pcluster.api.model;

import java.time.Instant;

/**
 * The query of GetClusterLogEvents and GetImageLogEvents.
 *
 * @param nextToken the page to fetch, or null for the first
 * @param startFromHead true for oldest first; null or false (the service default) for newest first
 * @param limit the most events per page, or null for up to 10,000 events or 1 MB
 * @param startTime the earliest event time (inclusive), or null
 * @param endTime the latest event time (exclusive), or null
 */
public record LogEventsQuery(
    String nextToken, Boolean startFromHead, Integer limit, Instant startTime, Instant endTime) {

  /** The service defaults: the newest events. */
  public static LogEventsQuery defaults() {
    return new LogEventsQuery(null, null, null, null, null);
  }

  /** Oldest events first, to read a stream from its beginning. */
  public static LogEventsQuery fromHead() {
    return new LogEventsQuery(null, true, null, null, null);
  }

  public LogEventsQuery withNextToken(String nextToken) {
    return new LogEventsQuery(nextToken, startFromHead, limit, startTime, endTime);
  }

  public LogEventsQuery withLimit(Integer limit) {
    return new LogEventsQuery(nextToken, startFromHead, limit, startTime, endTime);
  }

  public LogEventsQuery withTimeRange(Instant startTime, Instant endTime) {
    return new LogEventsQuery(nextToken, startFromHead, limit, startTime, endTime);
  }
}
