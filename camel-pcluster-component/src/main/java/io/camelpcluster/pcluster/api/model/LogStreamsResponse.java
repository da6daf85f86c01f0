package io.camelpcluster.pcluster.api.model;

import java.util.List;

/** A page of ListClusterLogStreams or ListImageLogStreams. */
public record LogStreamsResponse(List<LogStream> logStreams, String nextToken)
    implements Page<LogStream> {

  public LogStreamsResponse {
    logStreams = ModelLists.copy(logStreams);
  }

  @Override
  public List<LogStream> items() {
    return logStreams;
  }
}
