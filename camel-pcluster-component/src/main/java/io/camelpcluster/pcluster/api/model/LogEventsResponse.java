package io.camelpcluster.pcluster.api.model;

import java.util.List;

/**
 * A page of GetClusterLogEvents or GetImageLogEvents, with CloudWatch semantics: the tokens are
 * present even at the end, which is reached when the answer repeats the token that was sent.
 *
 * @param nextToken the forward token
 * @param prevToken the backward token
 */
public record LogEventsResponse(List<LogEvent> events, String nextToken, String prevToken)
    implements Page<LogEvent> {

  public LogEventsResponse {
    events = ModelLists.copy(events);
  }

  @Override
  public List<LogEvent> items() {
    return events;
  }
}
