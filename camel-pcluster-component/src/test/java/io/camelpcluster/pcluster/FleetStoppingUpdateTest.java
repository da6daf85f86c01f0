package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.emulator.RecordedRequest;
import io.camelpcluster.pcluster.api.BadRequestException;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.ComputeFleetResponse;
import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.UpdateClusterResponse;
import io.camelpcluster.pcluster.wait.WaitTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class FleetStoppingUpdateTest extends PclusterTestSupport {

  /** A change whose update policy needs a stopped compute fleet. */
  private static final String SCALEDOWN_20 =
      "&configOverrides.Scheduling.SlurmSettings.ScaledownIdletime=20";

  @Test
  void withoutTheOptionTheUpdateIsRefused() {
    String name = createdCluster("refused");

    Exchange exchange =
        send(
            "pcluster:updateCluster?clusterName=" + name + SCALEDOWN_20,
            ClusterYaml.slurm(1),
            Map.of());

    assertThat(exchange.getException())
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e ->
                assertThat(e.updateValidationErrors())
                    .singleElement()
                    .satisfies(error -> assertThat(error.message()).contains("compute fleet")));
    assertThat(FleetStoppingUpdate.needsStoppedFleet((BadRequestException) exchange.getException()))
        .isTrue();
  }

  @Test
  void theFleetIsStoppedUpdatedAndStartedAgain() {
    String name = createdCluster("restart");
    emulator().requests().clear();

    Exchange exchange =
        send(
            "pcluster:updateCluster?stopComputeFleetForUpdate=true&clusterName="
                + name
                + SCALEDOWN_20,
            ClusterYaml.slurm(1),
            Map.of());

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody(UpdateClusterResponse.class).changeSet())
        .singleElement()
        .satisfies(change -> assertThat(change.parameter()).contains("ScaledownIdletime"));
    assertThat(exchange.getMessage().getHeaders())
        .containsEntry(PclusterConstants.COMPUTE_FLEET_RESTARTED, true)
        .containsEntry(PclusterConstants.CLUSTER_STATUS, ClusterStatus.UPDATE_COMPLETE)
        .containsEntry(PclusterConstants.COMPUTE_FLEET_STATUS, ComputeFleetStatus.RUNNING);
    assertThat(mutations())
        .containsSubsequence(
            "PUT 400", "PATCH computefleet 200", "PUT 202", "PATCH computefleet 200");
    Exchange fleet = send("pcluster:describeComputeFleet?clusterName=" + name, null, Map.of());
    assertThat(fleet.getMessage().getBody(ComputeFleetResponse.class).status())
        .isEqualTo(ComputeFleetStatus.RUNNING);
  }

  @Test
  void theFleetIsStartedAgainWhenAStepFails() {
    String name = createdCluster("failstep");

    Exchange exchange =
        send(
            "pcluster:updateCluster?stopComputeFleetForUpdate=true&clusterName="
                + name
                + SCALEDOWN_20,
            ClusterYaml.slurm(1),
            Map.of(PclusterConstants.WAIT_TIMEOUT, "1ms"));

    assertThat(exchange.getException()).isInstanceOf(WaitTimeoutException.class);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        send("pcluster:describeComputeFleet?clusterName=" + name, null, Map.of())
                            .getMessage()
                            .getHeader(PclusterConstants.COMPUTE_FLEET_STATUS))
                    .isEqualTo(ComputeFleetStatus.RUNNING));
    assertThat(mutations()).contains("PATCH computefleet 200");
  }

  @Test
  void anUpdateThatNeedsNoStopIsSentOnce() {
    String name = createdCluster("direct");
    emulator().requests().clear();

    Exchange exchange =
        send(
            "pcluster:updateCluster?stopComputeFleetForUpdate=true&waitForCompletion=true&clusterName="
                + name,
            ClusterYaml.slurm(3),
            Map.of());

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getHeader(PclusterConstants.COMPUTE_FLEET_RESTARTED)).isNull();
    assertThat(exchange.getMessage().getHeader(PclusterConstants.CLUSTER_STATUS))
        .isEqualTo(ClusterStatus.UPDATE_COMPLETE);
    assertThat(mutations()).containsExactly("PUT 202");
  }

  @Test
  void anUnsupportedChangeIsNotRetriedWithAStoppedFleet() {
    String name = createdCluster("unsupported");
    emulator().requests().clear();

    Exchange exchange =
        send(
            "pcluster:updateCluster?stopComputeFleetForUpdate=true&clusterName="
                + name
                + "&configOverrides.HeadNode.InstanceType=t3.large",
            ClusterYaml.slurm(1),
            Map.of());

    assertThat(exchange.getException()).isInstanceOf(BadRequestException.class);
    assertThat(mutations()).containsExactly("PUT 400");
  }

  /** The PUT and PATCH requests the emulator received, as "METHOD [computefleet] status". */
  private static List<String> mutations() {
    return emulator().requests().all().stream()
        .filter(r -> r.method().equals("PUT") || r.method().equals("PATCH"))
        .map(FleetStoppingUpdateTest::describe)
        .toList();
  }

  private static String describe(RecordedRequest request) {
    return request.method()
        + (request.path().endsWith("/computefleet") ? " computefleet " : " ")
        + request.status();
  }
}
