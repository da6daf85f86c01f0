package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.pcluster.api.NotFoundException;
import io.camelpcluster.pcluster.api.model.ClusterInstance;
import io.camelpcluster.pcluster.api.model.ComputeFleetResponse;
import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.DescribeClusterInstancesResponse;
import io.camelpcluster.pcluster.api.model.NodeType;
import io.camelpcluster.pcluster.api.model.RequestedComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.UpdateComputeFleetRequest;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class FleetAndInstancesTest extends PclusterTestSupport {

  @Test
  void describeComputeFleet() {
    String name = createdCluster("fleet");

    Exchange exchange = send("pcluster:describeComputeFleet?clusterName=" + name, null, Map.of());

    assertThat(exchange.getMessage().getBody(ComputeFleetResponse.class).status())
        .isEqualTo(ComputeFleetStatus.RUNNING);
    assertThat(exchange.getMessage().getHeaders())
        .containsEntry(PclusterConstants.COMPUTE_FLEET_STATUS, ComputeFleetStatus.RUNNING)
        .containsEntry(PclusterConstants.CLUSTER_NAME, name);
  }

  @Test
  void stopAndStartTheFleetWaitingForEachState() {
    String name = createdCluster("stopstart");

    Exchange stopped =
        send(
            "pcluster:updateComputeFleet?computeFleetStatus=STOP_REQUESTED&waitForCompletion=true",
            null,
            Map.of(PclusterConstants.CLUSTER_NAME, name));
    Exchange started =
        send(
            "pcluster:updateComputeFleet?waitForCompletion=true",
            null,
            Map.of(
                PclusterConstants.CLUSTER_NAME,
                name,
                PclusterConstants.REQUESTED_COMPUTE_FLEET_STATUS,
                "START_REQUESTED"));

    assertThat(stopped.getException()).isNull();
    assertThat(stopped.getMessage().getHeader(PclusterConstants.COMPUTE_FLEET_STATUS))
        .isEqualTo(ComputeFleetStatus.STOPPED);
    assertThat(started.getException()).isNull();
    assertThat(started.getMessage().getHeader(PclusterConstants.COMPUTE_FLEET_STATUS))
        .isEqualTo(ComputeFleetStatus.RUNNING);
  }

  @Test
  void updateComputeFleetWithoutWaitingAnswersTheRequestedState() {
    String name = createdCluster("nowait");

    Exchange exchange =
        send(
            "pcluster:updateComputeFleet?pojoRequest=true",
            UpdateComputeFleetRequest.of(name, RequestedComputeFleetStatus.STOP_REQUESTED),
            Map.of());

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getHeader(PclusterConstants.COMPUTE_FLEET_STATUS))
        .isIn(ComputeFleetStatus.STOP_REQUESTED, ComputeFleetStatus.STOPPING);
  }

  @Test
  void updateComputeFleetNeedsAStatus() {
    Exchange exchange =
        send("pcluster:updateComputeFleet", null, Map.of(PclusterConstants.CLUSTER_NAME, "c1"));

    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("computeFleetStatus")
        .hasMessageContaining(PclusterConstants.REQUESTED_COMPUTE_FLEET_STATUS);
  }

  @Test
  void requestedStatusHeaderMustBeAKnownStatus() {
    Exchange exchange =
        send(
            "pcluster:updateComputeFleet",
            null,
            Map.of(
                PclusterConstants.CLUSTER_NAME,
                "c1",
                PclusterConstants.REQUESTED_COMPUTE_FLEET_STATUS,
                "RUNNING\n; reboot"));

    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("START_REQUESTED")
        .hasMessageNotContaining("reboot");
  }

  @Test
  void describeInstancesByNodeTypeAndAllPages() {
    String name = createdCluster("inst");

    Exchange all =
        send("pcluster:describeClusterInstances?allPages=true&clusterName=" + name, null, Map.of());
    Exchange heads =
        send(
            "pcluster:describeClusterInstances?nodeType=HeadNode",
            null,
            Map.of(PclusterConstants.CLUSTER_NAME, name));
    Exchange computes =
        send(
            "pcluster:describeClusterInstances",
            null,
            Map.of(
                PclusterConstants.CLUSTER_NAME,
                name,
                PclusterConstants.NODE_TYPE,
                "COMPUTE_NODE",
                PclusterConstants.QUEUE_NAME,
                "batch"));

    @SuppressWarnings("unchecked")
    List<ClusterInstance> instances = all.getMessage().getBody(List.class);
    assertThat(instances)
        .extracting(ClusterInstance::nodeType)
        .contains(NodeType.HEAD_NODE, NodeType.COMPUTE_NODE);
    assertThat(heads.getMessage().getBody(DescribeClusterInstancesResponse.class).instances())
        .extracting(ClusterInstance::nodeType)
        .containsOnly(NodeType.HEAD_NODE);
    assertThat(computes.getMessage().getBody(DescribeClusterInstancesResponse.class).instances())
        .hasSize(1)
        .allSatisfy(i -> assertThat(i.queueName()).isEqualTo("batch"));
  }

  @Test
  void unknownNodeTypeIsRefused() {
    Exchange exchange =
        send("pcluster:describeClusterInstances?clusterName=c1&nodeType=Bastion", null, Map.of());

    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HeadNode, ComputeNode or LoginNode");
  }

  @Test
  void deleteClusterInstancesTerminatesTheComputeNodes() {
    String name = createdCluster("terminate");

    Exchange exchange =
        send(
            "pcluster:deleteClusterInstances?force=true&clusterName=" + name, "old body", Map.of());

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody()).isNull();
    assertThat(exchange.getMessage().getHeader(PclusterConstants.CLUSTER_NAME)).isEqualTo(name);
  }

  @Test
  void fleetOfAnUnknownClusterIsNotFound() {
    Exchange exchange =
        send("pcluster:describeComputeFleet?clusterName=nobody-here", null, Map.of());

    assertThat(exchange.getException()).isInstanceOf(NotFoundException.class);
  }
}
