package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.model.ClusterStatusFilteringOption;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.DeleteClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import io.camelpcluster.pcluster.api.model.UpdateClusterRequest;
import io.camelpcluster.pcluster.api.model.UpdateClusterResponse;
import io.camelpcluster.pcluster.wait.ClusterTarget;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Message;

/** The Cluster Operations of the API, and waitCluster. */
final class ClusterHandlers {

  private ClusterHandlers() {}

  static void register(Map<PclusterOperations, OperationHandler> handlers) {
    handlers.put(PclusterOperations.listClusters, ClusterHandlers::listClusters);
    handlers.put(PclusterOperations.createCluster, ClusterHandlers::createCluster);
    handlers.put(PclusterOperations.describeCluster, ClusterHandlers::describeCluster);
    handlers.put(PclusterOperations.updateCluster, ClusterHandlers::updateCluster);
    handlers.put(PclusterOperations.deleteCluster, ClusterHandlers::deleteCluster);
    handlers.put(PclusterOperations.waitCluster, ClusterHandlers::waitCluster);
  }

  static CompletableFuture<Void> listClusters(OperationCall call) {
    ListClustersRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(ListClustersRequest.class)
            : new ListClustersRequest(call.region(), statusFilter(call), call.nextToken());
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    return Pagination.fetch(
        call, request, call.client()::listClusters, call.client()::listAllClusters);
  }

  static CompletableFuture<Void> createCluster(OperationCall call) {
    CreateClusterRequest request = createRequest(call);
    Message message = call.message();
    if (call.dryRun()) {
      return call.client()
          .createClusterDryRun(request)
          .thenAccept(result -> ResultHeaders.dryRun(message, result));
    }
    return call.client()
        .createCluster(request)
        .thenCompose(
            response -> {
              message.setBody(response);
              ResultHeaders.cluster(message, response.cluster());
              ResultHeaders.validationMessages(message, response.validationMessages());
              if (!call.waits().requested()) {
                return OperationHandler.done();
              }
              return call.waits()
                  .cluster(request.region(), request.clusterName(), ClusterTarget.created())
                  .thenAccept(cluster -> ResultHeaders.cluster(message, cluster));
            });
  }

  static CompletableFuture<Void> describeCluster(OperationCall call) {
    DescribeClusterRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(DescribeClusterRequest.class)
            : new DescribeClusterRequest(call.clusterName(), call.region());
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    Message message = call.message();
    return call.client()
        .describeCluster(request)
        .thenAccept(
            response -> {
              message.setBody(response);
              ResultHeaders.cluster(message, response);
            });
  }

  static CompletableFuture<Void> updateCluster(OperationCall call) {
    UpdateClusterRequest request = updateRequest(call);
    Message message = call.message();
    if (call.dryRun()) {
      return call.client()
          .updateClusterDryRun(request)
          .thenAccept(
              result -> {
                ResultHeaders.dryRun(message, result);
                ResultHeaders.changeCount(message, result.changeSet().size());
              });
    }
    CompletableFuture<FleetStoppingUpdate.Outcome> update =
        call.configuration().isStopComputeFleetForUpdate()
            ? new FleetStoppingUpdate(call, request).run()
            : call.client().updateCluster(request).thenApply(FleetStoppingUpdate.Outcome::direct);
    return update.thenCompose(
        outcome -> {
          UpdateClusterResponse response = outcome.response();
          message.setBody(response);
          ResultHeaders.cluster(message, response.cluster());
          ResultHeaders.validationMessages(message, response.validationMessages());
          ResultHeaders.changeCount(message, response.changeSet().size());
          if (outcome.fleetRestarted()) {
            ResultHeaders.cluster(message, outcome.updated());
            ResultHeaders.computeFleet(message, outcome.fleetStatus());
            message.setHeader(PclusterConstants.COMPUTE_FLEET_RESTARTED, true);
            return OperationHandler.done();
          }
          if (!call.waits().requested()) {
            return OperationHandler.done();
          }
          return call.waits()
              .cluster(request.region(), request.clusterName(), ClusterTarget.updated())
              .thenAccept(cluster -> ResultHeaders.cluster(message, cluster));
        });
  }

  static CompletableFuture<Void> deleteCluster(OperationCall call) {
    DeleteClusterRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(DeleteClusterRequest.class)
            : new DeleteClusterRequest(call.clusterName(), call.region());
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    DeleteClusterRequest sent = request;
    Message message = call.message();
    return call.client()
        .deleteCluster(sent)
        .thenCompose(
            response -> {
              message.setBody(response);
              ResultHeaders.cluster(message, response.cluster());
              if (!call.waits().requested()) {
                return OperationHandler.done();
              }
              return call.waits()
                  .cluster(sent.region(), sent.clusterName(), ClusterTarget.deleted())
                  .thenAccept(gone -> ResultHeaders.clusterDeleted(message));
            });
  }

  static CompletableFuture<Void> waitCluster(OperationCall call) {
    String clusterName = call.clusterName();
    ClusterTarget target = call.waits().clusterTarget();
    Message message = call.message();
    return call.waits()
        .cluster(call.region(), clusterName, target)
        .thenAccept(
            cluster -> {
              message.setBody(cluster);
              message.setHeader(PclusterConstants.CLUSTER_NAME, clusterName);
              ResultHeaders.cluster(message, cluster);
              if (target.isReachedWhenGone()) {
                ResultHeaders.clusterDeleted(message);
              }
            });
  }

  private static CreateClusterRequest createRequest(OperationCall call) {
    if (call.inputs().pojoRequest()) {
      CreateClusterRequest request = call.inputs().pojo(CreateClusterRequest.class);
      return request.region() == null ? request.withRegion(call.region()) : request;
    }
    PclusterConfiguration configuration = call.configuration();
    ValidationSettings validation = ValidationSettings.of(call.inputs());
    CreateClusterRequest.Builder builder =
        CreateClusterRequest.builder()
            .clusterName(call.clusterName())
            .clusterConfiguration(call.documents().cluster(call.inputs()))
            .region(call.region())
            .validationFailureLevel(validation.failureLevel())
            .rollbackOnFailure(
                call.inputs()
                    .value(
                        PclusterConstants.ROLLBACK_ON_FAILURE,
                        Boolean.class,
                        configuration.getRollbackOnFailure()));
    validation.suppressValidators().forEach(builder::suppressValidator);
    return builder.build();
  }

  private static UpdateClusterRequest updateRequest(OperationCall call) {
    if (call.inputs().pojoRequest()) {
      UpdateClusterRequest request = call.inputs().pojo(UpdateClusterRequest.class);
      return request.region() == null ? request.withRegion(call.region()) : request;
    }
    PclusterConfiguration configuration = call.configuration();
    ValidationSettings validation = ValidationSettings.of(call.inputs());
    UpdateClusterRequest.Builder builder =
        UpdateClusterRequest.builder()
            .clusterName(call.clusterName())
            .clusterConfiguration(call.documents().cluster(call.inputs()))
            .region(call.region())
            .validationFailureLevel(validation.failureLevel())
            .forceUpdate(
                call.inputs().flag(PclusterConstants.FORCE_UPDATE, configuration.isForceUpdate()));
    validation.suppressValidators().forEach(builder::suppressValidator);
    return builder.build();
  }

  private static Set<ClusterStatusFilteringOption> statusFilter(OperationCall call) {
    Set<ClusterStatusFilteringOption> statuses = new LinkedHashSet<>();
    for (String status :
        call.inputs()
            .list(
                PclusterConstants.CLUSTER_STATUS_FILTER,
                call.configuration().getClusterStatusFilter(),
                ",")) {
      try {
        statuses.add(ClusterStatusFilteringOption.valueOf(status));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "listClusters: clusterStatusFilter must list statuses among "
                + Arrays.toString(ClusterStatusFilteringOption.values()),
            e);
      }
    }
    return statuses;
  }
}
