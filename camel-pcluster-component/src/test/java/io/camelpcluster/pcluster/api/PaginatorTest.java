package io.camelpcluster.pcluster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.GetClusterLogEventsRequest;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import io.camelpcluster.pcluster.api.model.ListClustersResponse;
import io.camelpcluster.pcluster.api.model.LogEvent;
import io.camelpcluster.pcluster.api.model.LogEventsResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PaginatorTest {

  private static ClusterInfoSummary cluster(String name) {
    return new ClusterInfoSummary(name, "eu-west-1", "3.12.0", "arn", null, null, null);
  }

  /** page token -> page; the first page has the key "". */
  private final Map<String, ListClustersResponse> pages =
      Map.of(
          "", new ListClustersResponse(List.of(cluster("a1"), cluster("a2")), "t1"),
          "t1", new ListClustersResponse(List.of(), "t2"),
          "t2", new ListClustersResponse(List.of(), "t3"),
          "t3", new ListClustersResponse(List.of(cluster("b1")), null));

  private final List<String> asked = new ArrayList<>();

  private ListClustersResponse fetch(ListClustersRequest request) {
    String token = request.nextToken() == null ? "" : request.nextToken();
    asked.add(token);
    return pages.get(token);
  }

  @Test
  void walksEmptyPagesUntilTheTokenIsAbsent() {
    assertThat(
            Paginator.stream(ListClustersRequest.all(), this::fetch)
                .map(ClusterInfoSummary::clusterName))
        .containsExactly("a1", "a2", "b1");
    assertThat(asked).containsExactly("", "t1", "t2", "t3");
  }

  @Test
  void fetchesLazily() {
    assertThat(
            Paginator.stream(ListClustersRequest.all(), this::fetch)
                .limit(2)
                .collect(Collectors.toList()))
        .hasSize(2);
    assertThat(asked).containsExactly("");
  }

  @Test
  void collectsAsynchronouslyPageAfterPage() {
    List<ClusterInfoSummary> all =
        Paginator.collectAll(
                ListClustersRequest.all(), r -> CompletableFuture.supplyAsync(() -> fetch(r)))
            .join();
    assertThat(all).extracting(ClusterInfoSummary::clusterName).containsExactly("a1", "a2", "b1");
    assertThat(asked).containsExactly("", "t1", "t2", "t3");
  }

  @Test
  void logEventsStopWhenTheTokenRepeats() {
    LogEvent event = new LogEvent(Instant.parse("2021-01-01T00:00:00Z"), "line");
    Map<String, LogEventsResponse> logPages =
        Map.of(
            "", new LogEventsResponse(List.of(event, event), "f/2", "b/0"),
            "f/2", new LogEventsResponse(List.of(event), "f/3", "b/1"),
            "f/3", new LogEventsResponse(List.of(), "f/3", "b/2"));
    List<String> tokens = new ArrayList<>();
    List<LogEvent> events =
        Paginator.collectAll(
                GetClusterLogEventsRequest.of("hpc", "stream"),
                r -> {
                  String token = r.nextToken() == null ? "" : r.nextToken();
                  tokens.add(token);
                  return CompletableFuture.completedFuture(logPages.get(token));
                })
            .join();
    assertThat(events).hasSize(3);
    assertThat(tokens).containsExactly("", "f/2", "f/3");
  }
}
