package io.camelpcluster.emulator;

import java.util.ArrayList;
import java.util.List;

/** What the emulator received, in order of completion. Thread-safe. */
public final class RequestLog {
  private final List<RecordedRequest> requests = new ArrayList<>();

  RequestLog() {}

  /** A snapshot of every request recorded so far. */
  public synchronized List<RecordedRequest> all() {
    return List.copyOf(requests);
  }

  /** How many requests had this method and a path containing {@code pathContains}. */
  public synchronized long count(String method, String pathContains) {
    return requests.stream()
        .filter(r -> r.method().equalsIgnoreCase(method) && r.path().contains(pathContains))
        .count();
  }

  /** Forgets every recorded request. */
  public synchronized void clear() {
    requests.clear();
  }

  synchronized void record(RecordedRequest request) {
    requests.add(request);
  }
}
