package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.DeleteClusterInstancesRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterInstancesRequest;
import io.camelpcluster.pcluster.api.model.DescribeComputeFleetRequest;
import io.camelpcluster.pcluster.api.model.NodeType;
import io.camelpcluster.pcluster.api.model.RequestedComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.UpdateComputeFleetRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Message;

/** The Cluster ComputeFleet and Cluster Instances operations of the API. */
final class FleetHandlers {

  private FleetHandlers() {}

  static void register(Map<PclusterOperations, OperationHandler> handlers) {
    handlers.put(PclusterOperations.describeComputeFleet, FleetHandlers::describeComputeFleet);
    handlers.put(PclusterOperations.updateComputeFleet, FleetHandlers::updateComputeFleet);
    handlers.put(
        PclusterOperations.describeClusterInstances, FleetHandlers::describeClusterInstances);
    handlers.put(PclusterOperations.deleteClusterInstances, FleetHandlers::deleteClusterInstances);
  }

  static CompletableFuture<Void> describeComputeFleet(OperationCall call) {
    DescribeComputeFleetRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(DescribeComputeFleetRequest.class)
            : new DescribeComputeFleetRequest(call.clusterName(), call.region());
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    Message message = call.message();
    String clusterName = request.clusterName();
    return call.client()
        .describeComputeFleet(request)
        .thenAccept(
            response -> {
              message.setBody(response);
              message.setHeader(PclusterConstants.CLUSTER_NAME, clusterName);
              ResultHeaders.computeFleet(message, response.status());
            });
  }

  /**
   * UpdateComputeFleet; with waitForCompletion, START_REQUESTED waits for RUNNING and
   * STOP_REQUESTED for STOPPED (ENABLED and DISABLED take effect at once).
   */
  static CompletableFuture<Void> updateComputeFleet(OperationCall call) {
    UpdateComputeFleetRequest request;
    if (call.inputs().pojoRequest()) {
      request = call.inputs().pojo(UpdateComputeFleetRequest.class);
    } else {
      RequestedComputeFleetStatus status =
          call.inputs()
              .value(
                  PclusterConstants.REQUESTED_COMPUTE_FLEET_STATUS,
                  RequestedComputeFleetStatus.class,
                  call.configuration().getComputeFleetStatus());
      if (status == null) {
        throw new IllegalArgumentException(
            "updateComputeFleet needs computeFleetStatus: set the computeFleetStatus option or the "
                + PclusterConstants.REQUESTED_COMPUTE_FLEET_STATUS
                + " header");
      }
      request = new UpdateComputeFleetRequest(call.clusterName(), status, call.region());
    }
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    UpdateComputeFleetRequest sent = request;
    Message message = call.message();
    return call.client()
        .updateComputeFleet(sent)
        .thenCompose(
            response -> {
              message.setBody(response);
              message.setHeader(PclusterConstants.CLUSTER_NAME, sent.clusterName());
              ResultHeaders.computeFleet(message, response.status());
              ComputeFleetStatus target = settledStatus(sent.status());
              if (!call.waits().requested() || target == null) {
                return OperationHandler.done();
              }
              return call.waits()
                  .computeFleet(sent.region(), sent.clusterName(), target)
                  .thenAccept(status -> ResultHeaders.computeFleet(message, status));
            });
  }

  /** The status a request settles in, or null when it takes effect at once. */
  private static ComputeFleetStatus settledStatus(RequestedComputeFleetStatus requested) {
    return switch (requested) {
      case START_REQUESTED -> ComputeFleetStatus.RUNNING;
      case STOP_REQUESTED -> ComputeFleetStatus.STOPPED;
      case ENABLED, DISABLED -> null;
    };
  }

  static CompletableFuture<Void> describeClusterInstances(OperationCall call) {
    DescribeClusterInstancesRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(DescribeClusterInstancesRequest.class)
            : new DescribeClusterInstancesRequest(
                call.clusterName(),
                call.region(),
                nodeType(call),
                call.inputs()
                    .text(PclusterConstants.QUEUE_NAME, call.configuration().getQueueName()),
                call.nextToken());
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    return Pagination.fetch(
        call,
        request,
        call.client()::describeClusterInstances,
        call.client()::describeAllClusterInstances);
  }

  static CompletableFuture<Void> deleteClusterInstances(OperationCall call) {
    DeleteClusterInstancesRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(DeleteClusterInstancesRequest.class)
            : new DeleteClusterInstancesRequest(
                call.clusterName(),
                call.region(),
                call.inputs().flag(PclusterConstants.FORCE, call.configuration().isForce()));
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    Message message = call.message();
    String clusterName = request.clusterName();
    return call.client()
        .deleteClusterInstances(request)
        .thenAccept(
            nothing -> {
              message.setBody(null);
              message.setHeader(PclusterConstants.CLUSTER_NAME, clusterName);
            });
  }

  /** The node type: a wire name (HeadNode) or an enum name (HEAD_NODE); null for all. */
  private static NodeType nodeType(OperationCall call) {
    String text =
        call.inputs().text(PclusterConstants.NODE_TYPE, call.configuration().getNodeType());
    if (text == null) {
      return null;
    }
    return switch (text) {
      case "HeadNode", "HEAD_NODE" -> NodeType.HEAD_NODE;
      case "ComputeNode", "COMPUTE_NODE" -> NodeType.COMPUTE_NODE;
      case "LoginNode", "LOGIN_NODE" -> NodeType.LOGIN_NODE;
      default ->
          throw new IllegalArgumentException(
              "describeClusterInstances: nodeType must be HeadNode, ComputeNode or LoginNode");
    };
  }
}
