package io.camelpcluster.benchmarks;

import io.camelpcluster.emulator.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * API calls per poll interval in a span of emulator time, from the emulator's request log.
 *
 * @param listClustersPerInterval ListClusters pages per interval, on average
 * @param maxListClustersPerInterval the most ListClusters pages in any interval-long span
 * @param otherCalls every other API call
 * @param walks the complete ListClusters walks (from a first page, without {@code nextToken}, to
 *     the page before the next first page)
 * @param meanWalk the mean time from a complete walk's first page to its last
 */
record CallRate(
    double listClustersPerInterval,
    int maxListClustersPerInterval,
    long otherCalls,
    int walks,
    Duration meanWalk) {

  static CallRate over(List<RecordedRequest> log, Instant from, Instant to, Duration interval) {
    List<RecordedRequest> span =
        log.stream()
            .filter(r -> !r.receivedAt().isBefore(from) && r.receivedAt().isBefore(to))
            .toList();
    List<RecordedRequest> lists =
        span.stream()
            .filter(CallRate::isListClusters)
            .sorted((a, b) -> a.receivedAt().compareTo(b.receivedAt()))
            .toList();
    int most = 0;
    int start = 0;
    for (int end = 0; end < lists.size(); end++) {
      while (!lists.get(start).receivedAt().plus(interval).isAfter(lists.get(end).receivedAt())) {
        start++;
      }
      most = Math.max(most, end - start + 1);
    }
    // a complete walk: from a first page to the last page before the next first page
    List<Duration> walks = new ArrayList<>();
    Instant walkStart = null;
    Instant walkEnd = null;
    for (RecordedRequest page : lists) {
      if (isFirstPage(page)) {
        if (walkStart != null) {
          walks.add(Duration.between(walkStart, walkEnd));
        }
        walkStart = page.receivedAt();
      }
      walkEnd = page.receivedAt();
    }
    double intervals = (double) Duration.between(from, to).toNanos() / interval.toNanos();
    return new CallRate(
        lists.size() / intervals,
        most,
        span.size() - lists.size(),
        walks.size(),
        walks.isEmpty()
            ? Duration.ZERO
            : walks.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(walks.size()));
  }

  /** The larger maximum, the other figures of this (steady-state) span. */
  CallRate withMaxOf(CallRate other) {
    return new CallRate(
        listClustersPerInterval,
        Math.max(maxListClustersPerInterval, other.maxListClustersPerInterval),
        otherCalls + other.otherCalls,
        walks,
        meanWalk);
  }

  /** How many walks started (first pages) in the log since {@code from}. */
  static long walksStartedSince(List<RecordedRequest> log, Instant from) {
    return log.stream()
        .filter(r -> !r.receivedAt().isBefore(from))
        .filter(r -> isListClusters(r) && isFirstPage(r))
        .count();
  }

  private static boolean isFirstPage(RecordedRequest page) {
    return page.rawQuery() == null || !page.rawQuery().contains("nextToken=");
  }

  private static boolean isListClusters(RecordedRequest request) {
    return request.method().equals("GET") && request.path().endsWith("/v3/clusters");
  }
}
