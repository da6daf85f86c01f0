package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.CreateClusterResponse;
import io.camelpcluster.pcluster.api.model.ImageBuildStatus;
import io.camelpcluster.pcluster.api.model.ImageInfoSummary;
import io.camelpcluster.pcluster.wait.WaitFailedException;
import io.camelpcluster.pcluster.wait.WaitTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

class WaitingTest extends PclusterTestSupport {

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("direct:create")
            .to("pcluster:createCluster?waitForCompletion=true")
            .setHeader("continuedOn", method(Thread.class, "currentThread().getName()"));
      }
    };
  }

  @Test
  void createAndWaitContinuesOnAWorkerThreadWhenComplete() {
    String name = uniqueName("waited");

    Exchange exchange =
        send("direct:create", ClusterYaml.slurm(1), Map.of(PclusterConstants.CLUSTER_NAME, name));

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody()).isInstanceOf(CreateClusterResponse.class);
    assertThat(exchange.getMessage().getHeader(PclusterConstants.CLUSTER_STATUS))
        .isEqualTo(ClusterStatus.CREATE_COMPLETE);
    assertThat(exchange.getMessage().getHeader("continuedOn", String.class))
        .contains("PclusterWorker");
    assertThat(statusOf(name)).isEqualTo(ClusterStatus.CREATE_COMPLETE);
  }

  @Test
  void aFailedCreationFailsTheExchangeWithTheReason() {
    String name = uniqueName("humongous");

    Exchange exchange =
        send(
            "direct:create",
            ClusterYaml.slurm("c6i.humongous", 0),
            Map.of(PclusterConstants.CLUSTER_NAME, name));

    assertThat(exchange.getException())
        .isInstanceOf(WaitFailedException.class)
        .hasMessageContaining(name)
        .hasMessageContaining("c6i.humongous");
    assertThat(statusOf(name)).isEqualTo(ClusterStatus.CREATE_FAILED);
  }

  @Test
  void aWaitThatTakesTooLongTimesOut() {
    String name = uniqueName("slow");

    Exchange exchange =
        send(
            "pcluster:createCluster?waitForCompletion=true",
            ClusterYaml.slurm(0),
            Map.of(PclusterConstants.CLUSTER_NAME, name, PclusterConstants.WAIT_TIMEOUT, "1ms"));

    assertThat(exchange.getException())
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessageContaining(name);
  }

  @Test
  void waitClusterForATargetStatus() {
    String name = uniqueName("target");
    send(
        "pcluster:createCluster",
        ClusterYaml.slurm(0),
        Map.of(PclusterConstants.CLUSTER_NAME, name));

    Exchange exchange =
        send(
            "pcluster:waitCluster?targetStatus=CREATE_COMPLETE",
            null,
            Map.of(PclusterConstants.CLUSTER_NAME, name));

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody(ClusterInfoSummary.class).clusterStatus())
        .isEqualTo(ClusterStatus.CREATE_COMPLETE);
    assertThat(exchange.getMessage().getHeader(PclusterConstants.CLUSTER_STATUS))
        .isEqualTo(ClusterStatus.CREATE_COMPLETE);
  }

  @Test
  void waitClusterUntilDeleted() {
    String name = createdCluster("gone");
    send("pcluster:deleteCluster", null, Map.of(PclusterConstants.CLUSTER_NAME, name));

    Exchange exchange =
        send(
            "pcluster:waitCluster?clusterName=" + name,
            null,
            Map.of(PclusterConstants.TARGET_STATUS, "DELETED"));

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getHeader(PclusterConstants.CLUSTER_STATUS))
        .isEqualTo(ClusterStatus.DELETE_COMPLETE);
  }

  @Test
  void waitClusterNeedsAValidTarget() {
    Exchange missing = send("pcluster:waitCluster?clusterName=c1", null, Map.of());
    Exchange unknown =
        send("pcluster:waitCluster?clusterName=c1&targetStatus=RUNNING", null, Map.of());

    assertThat(missing.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("targetStatus");
    assertThat(unknown.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CREATE_COMPLETE")
        .hasMessageContaining("DELETED");
  }

  @Test
  void waitImageUntilBuilt() {
    String imageId = uniqueName("waitimg");
    send("pcluster:buildImage", ClusterYaml.image(), Map.of(PclusterConstants.IMAGE_ID, imageId));

    Exchange exchange =
        send("pcluster:waitImage?targetStatus=BUILD_COMPLETE&imageId=" + imageId, null, Map.of());

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody(ImageInfoSummary.class).imageBuildStatus())
        .isEqualTo(ImageBuildStatus.BUILD_COMPLETE);
  }

  @Test
  void aFailedImageBuildFailsTheWait() {
    String imageId = uniqueName("broken");
    String config =
        ClusterYaml.image()
            + "  Tags:\n    - Key: emulator:fail-build\n      Value: component failed\n";

    Exchange exchange =
        send(
            "pcluster:buildImage?waitForCompletion=true",
            config,
            Map.of(PclusterConstants.IMAGE_ID, imageId));

    assertThat(exchange.getException())
        .isInstanceOf(WaitFailedException.class)
        .hasMessageContaining(imageId)
        .hasMessageContaining("component failed");
  }

  @Test
  void manyWaitingExchangesDoNotHoldThreads() throws Exception {
    int clusters = 40;
    int threadsBefore = Thread.activeCount();
    List<CompletableFuture<Exchange>> pending = new ArrayList<>();
    for (int i = 0; i < clusters; i++) {
      String name = uniqueName("many");
      pending.add(
          template.asyncSend(
              "direct:create",
              exchange -> {
                exchange.getMessage().setBody(ClusterYaml.slurm(0));
                exchange.getMessage().setHeader(PclusterConstants.CLUSTER_NAME, name);
              }));
    }
    int threadsWhileWaiting = Thread.activeCount();

    for (CompletableFuture<Exchange> exchange : pending) {
      Exchange done = exchange.get(30, TimeUnit.SECONDS);
      assertThat(done.getException()).isNull();
      assertThat(done.getMessage().getHeader(PclusterConstants.CLUSTER_STATUS))
          .isEqualTo(ClusterStatus.CREATE_COMPLETE);
    }
    assertThat(threadsWhileWaiting - threadsBefore).isLessThan(clusters / 2);
  }
}
