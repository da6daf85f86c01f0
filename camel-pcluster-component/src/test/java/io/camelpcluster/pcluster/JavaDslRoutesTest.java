package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterInstance;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.ListClustersResponse;
import io.camelpcluster.pcluster.api.model.NodeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** Workflows written in the Java DSL. */
class JavaDslRoutesTest extends PclusterTestSupport {

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        // create, wait, list the head node, delete and wait: one exchange through the lifecycle
        from("direct:lifecycle")
            .setHeader(PclusterConstants.CLUSTER_NAME, simple("${header.name}"))
            .to("pcluster:createCluster?waitForCompletion=true&clusterTags.workflow=java-dsl")
            .to("pcluster:describeClusterInstances?nodeType=HeadNode")
            .setProperty("headNodes", simple("${body.instances}"))
            .to("pcluster:deleteCluster?waitForCompletion=true")
            .to("mock:done");

        // walk the pages of ListClusters one exchange step at a time
        from("direct:pages")
            .process(exchange -> exchange.setProperty("names", new ArrayList<String>()))
            .setProperty("morePages", constant(true))
            .loopDoWhile(exchangeProperty("morePages").isEqualTo(true))
            .toD("pcluster:listClusters?uriEndpointOverride=${header.url}")
            .process(
                exchange -> {
                  @SuppressWarnings("unchecked")
                  List<String> names = exchange.getProperty("names", List.class);
                  exchange.getMessage().getBody(ListClustersResponse.class).clusters().stream()
                      .map(ClusterInfoSummary::clusterName)
                      .forEach(names::add);
                })
            .setProperty(
                "morePages", simple("${header.CamelPclusterNextToken} != null", Boolean.class))
            .end()
            .setBody(exchangeProperty("names"));
      }
    };
  }

  @Test
  void aWholeLifecycleInOneRoute() throws Exception {
    MockEndpoint done = getMockEndpoint("mock:done");
    done.expectedMessageCount(1);
    done.expectedHeaderReceived(PclusterConstants.CLUSTER_STATUS, ClusterStatus.DELETE_COMPLETE);

    Exchange exchange =
        send("direct:lifecycle", ClusterYaml.slurm(1), Map.of("name", uniqueName("java")));

    assertThat(exchange.getException()).isNull();
    done.assertIsSatisfied();
    @SuppressWarnings("unchecked")
    List<ClusterInstance> heads = exchange.getProperty("headNodes", List.class);
    assertThat(heads)
        .singleElement()
        .satisfies(i -> assertThat(i.nodeType()).isEqualTo(NodeType.HEAD_NODE));
  }

  @Test
  void aLoopFollowsTheNextTokenHeader() {
    try (PclusterEmulator paged =
        PclusterEmulator.start(EmulatorConfig.builder().anonymous(true).pageSize(2).build())) {
      List<String> created = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String name = uniqueName("paged");
        created.add(name);
        assertThat(
                send(
                        "pcluster:createCluster?uriEndpointOverride=" + paged.endpoint(),
                        ClusterYaml.slurm(0),
                        Map.of(PclusterConstants.CLUSTER_NAME, name))
                    .getException())
            .isNull();
      }

      Exchange exchange = send("direct:pages", null, Map.of("url", paged.endpoint().toString()));

      assertThat(exchange.getException()).isNull();
      assertThat(exchange.getMessage().getBody(List.class))
          .containsExactlyInAnyOrderElementsOf(created);
      assertThat(paged.requests().count("GET", "/v3/clusters")).isEqualTo(3);
    }
  }
}
