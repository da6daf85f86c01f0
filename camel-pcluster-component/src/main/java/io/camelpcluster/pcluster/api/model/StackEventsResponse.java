package io.camelpcluster.pcluster.api.model;

import java.util.List;

/** A page of GetClusterStackEvents or GetImageStackEvents, newest first. */
public record StackEventsResponse(List<StackEvent> events, String nextToken)
    implements Page<StackEvent> {

  public StackEventsResponse {
    events = ModelLists.copy(events);
  }

  @Override
  public List<StackEvent> items() {
    return events;
  }
}
