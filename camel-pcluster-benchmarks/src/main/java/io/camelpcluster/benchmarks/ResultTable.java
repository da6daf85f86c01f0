package io.camelpcluster.benchmarks;

import java.time.Duration;
import java.util.List;

/** The figures as a Markdown table, and the targets checked against them. */
final class ResultTable {
  private static final int MAX_ADDED_THREADS = 16;

  private ResultTable() {}

  static String render(List<Phase.Result> results) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| N | waiting for, through | pages/walk | walk time | ListClusters calls/interval (mean / max) | other calls |"
            + " threads before / during / after (added) | heap MB before / during / after |"
            + " state change -> wait done min / p50 / p95 / max | failed |\n");
    out.append("|---:|---|---:|---:|---|---:|---|---|---|---:|\n");
    for (Phase.Result r : results) {
      out.append(
          String.format(
              "| %,d | %s | %d | %s | %.1f / %d | %d | %d / %d / %d (+%d) | %.1f / %.1f / %.1f | %s /"
                  + " %s / %s / %s | %d |%n",
              r.clusters(),
              r.label(),
              r.pagesPerWalk(),
              millis(r.calls().meanWalk()),
              r.calls().listClustersPerInterval(),
              r.calls().maxListClustersPerInterval(),
              r.calls().otherCalls(),
              r.threadsBefore().total(),
              r.threadsDuring(),
              r.threadsAfter(),
              r.threadsAdded(),
              r.heapBeforeMb(),
              r.heapDuringMb(),
              r.heapAfterMb(),
              millis(r.latency().min()),
              millis(r.latency().p50()),
              millis(r.latency().p95()),
              millis(r.latency().max()),
              r.failures()));
    }
    out.append('\n');
    for (Phase.Result r : results) {
      boolean threads = r.threadsAdded() <= MAX_ADDED_THREADS;
      boolean calls =
          r.calls().maxListClustersPerInterval() <= r.pagesPerWalk() + 1
              && r.calls().otherCalls() == 0;
      out.append(
          String.format(
              "N=%,d %s: threads added %d %s 16, calls per interval %d %s pages + 1 = %d,"
                  + " %d of %d waits failed%n",
              r.clusters(),
              r.label(),
              r.threadsAdded(),
              threads ? "<=" : "> (MISSED)",
              r.calls().maxListClustersPerInterval(),
              calls ? "<=" : "> (MISSED)",
              r.pagesPerWalk() + 1,
              r.failures(),
              r.clusters()));
    }
    out.append(String.format("Heap limit: %.0f MB (-Xmx)%n", Heap.maxMb()));
    return out.toString();
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }
}
