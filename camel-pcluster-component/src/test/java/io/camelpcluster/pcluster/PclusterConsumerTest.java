package io.camelpcluster.pcluster;

import static io.camelpcluster.pcluster.api.model.ClusterStatus.CREATE_COMPLETE;
import static io.camelpcluster.pcluster.api.model.ClusterStatus.DELETE_COMPLETE;
import static io.camelpcluster.pcluster.api.model.ClusterStatus.DELETE_IN_PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.pcluster.wait.ClusterEvent;
import io.camelpcluster.pcluster.wait.ClusterEventType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.junit.jupiter.api.Test;

/** The clusterEvents consumer against the emulator. */
class PclusterConsumerTest extends PclusterTestSupport {

  /** What one exchange carried. */
  private record Received(ClusterEvent event, Map<String, Object> headers) {
    Object header(String name) {
      return headers.get(name);
    }
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();

  private final Processor recorder =
      exchange ->
          received.add(
              new Received(
                  exchange.getMessage().getBody(ClusterEvent.class),
                  new HashMap<>(exchange.getMessage().getHeaders())));

  private PclusterConsumer consumer(String options, Processor processor) throws Exception {
    PclusterEndpoint endpoint =
        context.getEndpoint("pcluster:clusterEvents?" + options, PclusterEndpoint.class);
    PclusterConsumer consumer = new PclusterConsumer(endpoint, processor);
    consumer.start();
    return consumer;
  }

  private List<Received> of(String clusterName) {
    return received.stream().filter(r -> r.event().clusterName().equals(clusterName)).toList();
  }

  private void delete(String clusterName) {
    Exchange deleted =
        send(
            "pcluster:deleteCluster?waitForCompletion=true",
            null,
            Map.of(PclusterConstants.CLUSTER_NAME, clusterName));
    assertThat(deleted.getException()).isNull();
  }

  @Test
  void emitsOneExchangePerEventWithTheHeaders() throws Exception {
    String prefix = uniqueName("sensor");
    PclusterConsumer consumer = consumer("clusterNamePrefix=" + prefix, recorder);
    try {
      String name = createdCluster(prefix);
      delete(name);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> of(name).stream().anyMatch(r -> r.event().type() == ClusterEventType.DELETED));

      List<Received> events = of(name);
      assertThat(events.get(0).event().type()).isEqualTo(ClusterEventType.CREATED);
      assertThat(events)
          .extracting(r -> r.event().status())
          .contains(CREATE_COMPLETE, DELETE_IN_PROGRESS)
          .endsWith(DELETE_COMPLETE);
      Received deleted = events.get(events.size() - 1);
      assertThat(deleted.header(PclusterConstants.CLUSTER_NAME)).isEqualTo(name);
      assertThat(deleted.header(PclusterConstants.EVENT_TYPE)).isEqualTo("DELETED");
      assertThat(deleted.header(PclusterConstants.CLUSTER_STATUS)).isEqualTo(DELETE_COMPLETE);
      assertThat(deleted.header(PclusterConstants.PREVIOUS_CLUSTER_STATUS))
          .isEqualTo(DELETE_IN_PROGRESS);
      Received created = events.get(0);
      assertThat(created.header(PclusterConstants.PREVIOUS_CLUSTER_STATUS)).isNull();
      assertThat(created.header(PclusterConstants.CLOUDFORMATION_STACK_STATUS)).isNotNull();
      assertThat(received).allMatch(r -> r.event().clusterName().startsWith(prefix));
    } finally {
      consumer.stop();
    }
  }

  @Test
  void filtersByTagsAndStatusFromTheEndpointOptions() throws Exception {
    String prefix = uniqueName("tagged");
    PclusterConsumer consumer =
        consumer(
            "clusterNamePrefix="
                + prefix
                + "&clusterTags.team=blue&clusterStatusFilter=create_complete,DELETE_COMPLETE",
            recorder);
    try {
      String blue = uniqueName(prefix);
      String red = uniqueName(prefix);
      for (String[] cluster : new String[][] {{blue, "blue"}, {red, "red"}}) {
        Exchange created =
            send(
                "pcluster:createCluster?waitForCompletion=true&clusterTags.team=" + cluster[1],
                ClusterYaml.slurm(1),
                Map.of(PclusterConstants.CLUSTER_NAME, cluster[0]));
        assertThat(created.getException()).isNull();
      }
      delete(blue);
      delete(red);
      await().atMost(Duration.ofSeconds(10)).until(() -> of(blue).size() >= 2);

      assertThat(of(blue))
          .extracting(r -> r.event().status())
          .containsExactly(CREATE_COMPLETE, DELETE_COMPLETE);
      assertThat(of(red)).isEmpty();
    } finally {
      consumer.stop();
    }
  }

  @Test
  void withoutInitialStateExistingClustersAreQuiet() throws Exception {
    String prefix = uniqueName("quiet");
    String existing = createdCluster(prefix);
    PclusterConsumer consumer =
        consumer(
            "clusterNamePrefix="
                + prefix
                + "&emitInitialState=false&clusterStatusFilter=DELETE_COMPLETE",
            recorder);
    try {
      delete(existing);
      await().atMost(Duration.ofSeconds(10)).until(() -> !of(existing).isEmpty());

      assertThat(of(existing))
          .extracting(r -> r.event().type())
          .containsExactly(ClusterEventType.DELETED);
    } finally {
      consumer.stop();
    }
  }

  @Test
  void aFailingRouteIsHandledAndLaterEventsStillCome() throws Exception {
    String prefix = uniqueName("failing");
    AtomicInteger calls = new AtomicInteger();
    PclusterConsumer consumer =
        consumer(
            "clusterNamePrefix=" + prefix,
            exchange -> {
              calls.incrementAndGet();
              throw new IllegalStateException("route bug");
            });
    try {
      createdCluster(prefix);
      await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() >= 2);
    } finally {
      consumer.stop();
    }
  }

  @Test
  void stoppingEndsTheEvents() throws Exception {
    String prefix = uniqueName("stopped");
    PclusterConsumer consumer = consumer("clusterNamePrefix=" + prefix, recorder);
    String first = createdCluster(prefix);
    await().atMost(Duration.ofSeconds(10)).until(() -> !of(first).isEmpty());

    consumer.stop();
    int seen = received.size();
    createdCluster(prefix);

    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> received.size() == seen);
    assertThat(consumer.isStopped()).isTrue();
  }

  @Test
  void refusesAFilterItCannotApply() {
    assertThatThrownBy(() -> consumer("clusterStatusFilter=RUNNING", recorder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("clusterStatusFilter must list cluster statuses")
        .hasMessageEndingWith("got \"RUNNING\"");
    assertThatThrownBy(() -> consumer("clusterNamePrefix=x;rm", recorder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("clusterNamePrefix must start with a letter");
  }
}
