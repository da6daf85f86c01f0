package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.wait.ClusterEvent;
import io.camelpcluster.pcluster.wait.ClusterEventType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** {@code from("pcluster:clusterEvents")} in a route, as users write it. */
class ClusterEventsRouteTest extends PclusterTestSupport {

  private static final String PREFIX = uniqueName("routed");

  private final List<ClusterEvent> events = new CopyOnWriteArrayList<>();

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("pcluster:clusterEvents?clusterNamePrefix=" + PREFIX + "&pollInterval=50")
            .routeId("sensor")
            .process(exchange -> events.add(exchange.getMessage().getBody(ClusterEvent.class)));
      }
    };
  }

  @Test
  void aRouteReceivesTheLifecycleOfAMatchingClusterOnly() {
    String matching = createdCluster(PREFIX);
    String other = createdCluster(uniqueName("unrelated"));
    send(
        "pcluster:deleteCluster?waitForCompletion=true",
        null,
        Map.of(PclusterConstants.CLUSTER_NAME, matching));

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> events.stream().anyMatch(e -> e.type() == ClusterEventType.DELETED));
    assertThat(events).allMatch(e -> e.clusterName().equals(matching));
    assertThat(events.get(0).type()).isEqualTo(ClusterEventType.CREATED);
    assertThat(events).extracting(ClusterEvent::status).contains(ClusterStatus.CREATE_COMPLETE);
    assertThat(events).noneMatch(e -> e.clusterName().equals(other));
  }

  @Test
  void producerOperationsCannotBeConsumed() {
    assertThatThrownBy(
            () ->
                context
                    .getEndpoint("pcluster:createCluster", PclusterEndpoint.class)
                    .createConsumer(exchange -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only clusterEvents");
  }
}
