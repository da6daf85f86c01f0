package io.camelpcluster.emulator.rest;

import io.camelpcluster.emulator.cluster.ClusterService;
import io.camelpcluster.emulator.config.ConfigYaml;
import io.camelpcluster.emulator.logs.LogStreamFilters;
import io.camelpcluster.emulator.model.ClusterStatus;
import io.camelpcluster.emulator.model.NodeType;
import io.camelpcluster.emulator.server.HttpResult;
import java.util.Arrays;
import java.util.List;

/**
 * The 12 cluster operations (Cluster Operations, ComputeFleet, Instances and Logs): request
 * parameters and bodies in, {@link ClusterService} calls, status codes out.
 */
public final class ClusterOperations {
  private static final String CLUSTER = "/v3/clusters/{clusterName}";
  private static final List<String> STATUS_FILTERS =
      Arrays.stream(ClusterStatus.values())
          .map(Enum::name)
          .filter(s -> !s.equals("DELETE_COMPLETE"))
          .toList();
  private static final List<String> NODE_TYPES =
      Arrays.stream(NodeType.values()).map(Enum::name).toList();
  private static final List<String> FLEET_REQUESTS =
      List.of("START_REQUESTED", "STOP_REQUESTED", "ENABLED", "DISABLED");

  private final ClusterService clusters;
  private final Regions regions;

  /**
   * @param clusters the operations' logic
   * @param regions resolves the region of each request
   */
  public ClusterOperations(ClusterService clusters, Regions regions) {
    this.clusters = clusters;
    this.regions = regions;
  }

  /** The routes. */
  public List<Route> routes() {
    return List.of(
        Route.of("ListClusters", "GET", "/v3/clusters", false, this::listClusters),
        Route.of("CreateCluster", "POST", "/v3/clusters", true, this::createCluster),
        Route.of("DescribeCluster", "GET", CLUSTER, false, this::describeCluster),
        Route.of("UpdateCluster", "PUT", CLUSTER, true, this::updateCluster),
        Route.of("DeleteCluster", "DELETE", CLUSTER, true, this::deleteCluster),
        Route.of(
            "DescribeComputeFleet", "GET", CLUSTER + "/computefleet", false, this::describeFleet),
        Route.of("UpdateComputeFleet", "PATCH", CLUSTER + "/computefleet", true, this::updateFleet),
        Route.of("DescribeClusterInstances", "GET", CLUSTER + "/instances", false, this::instances),
        Route.of(
            "DeleteClusterInstances",
            "DELETE",
            CLUSTER + "/instances",
            true,
            this::deleteInstances),
        Route.of("ListClusterLogStreams", "GET", CLUSTER + "/logstreams", false, this::logStreams),
        Route.of(
            "GetClusterLogEvents",
            "GET",
            CLUSTER + "/logstreams/{logStreamName}",
            false,
            this::logEvents),
        Route.of(
            "GetClusterStackEvents", "GET", CLUSTER + "/stackevents", false, this::stackEvents));
  }

  private HttpResult listClusters(OperationRequest request) {
    QueryParameters query = request.query();
    String token = query.string("nextToken").orElse(null);
    List<String> statuses = query.uniqueListOf("clusterStatus", STATUS_FILTERS);
    return HttpResult.json(200, clusters.list(regions.resolve(query), statuses, token));
  }

  private HttpResult createCluster(OperationRequest request) {
    QueryParameters query = request.query();
    var policy = ApiParameters.validationPolicy(query);
    boolean dryRun = query.bool("dryrun", false);
    boolean rollback = query.bool("rollbackOnFailure", true);
    JsonBody body = request.json();
    String name = body.matching("clusterName", ApiParameters.NAME);
    String yaml = body.string("clusterConfiguration");
    body.require("clusterName", "clusterConfiguration");
    ConfigYaml.Parsed config = ConfigYaml.parse(yaml);
    String region = regions.resolve(query, config.region());
    return HttpResult.json(202, clusters.create(region, name, config, policy, dryRun, rollback));
  }

  private HttpResult describeCluster(OperationRequest request) {
    String name = ApiParameters.name(request, "clusterName");
    return HttpResult.json(200, clusters.describe(regions.resolve(request.query()), name));
  }

  private HttpResult updateCluster(OperationRequest request) {
    String name = ApiParameters.name(request, "clusterName");
    QueryParameters query = request.query();
    var policy = ApiParameters.validationPolicy(query);
    boolean dryRun = query.bool("dryrun", false);
    boolean force = query.bool("forceUpdate", false);
    JsonBody body = request.json();
    String yaml = body.string("clusterConfiguration");
    body.require("clusterConfiguration");
    ConfigYaml.Parsed config = ConfigYaml.parse(yaml);
    String region = regions.resolve(query, config.region());
    return HttpResult.json(202, clusters.update(region, name, config, policy, dryRun, force));
  }

  private HttpResult deleteCluster(OperationRequest request) {
    String name = ApiParameters.name(request, "clusterName");
    return HttpResult.json(202, clusters.delete(regions.resolve(request.query()), name));
  }

  private HttpResult describeFleet(OperationRequest request) {
    String name = ApiParameters.name(request, "clusterName");
    return HttpResult.json(200, clusters.describeFleet(regions.resolve(request.query()), name));
  }

  private HttpResult updateFleet(OperationRequest request) {
    String name = ApiParameters.name(request, "clusterName");
    JsonBody body = request.json();
    String status = body.oneOf("status", FLEET_REQUESTS);
    body.require("status");
    return HttpResult.json(
        200, clusters.updateFleet(regions.resolve(request.query()), name, status));
  }

  private HttpResult instances(OperationRequest request) {
    String name = ApiParameters.name(request, "clusterName");
    QueryParameters query = request.query();
    String token = query.string("nextToken").orElse(null);
    String nodeType = query.oneOf("nodeType", NODE_TYPES).orElse(null);
    String queue = query.string("queueName").orElse(null);
    return HttpResult.json(
        200, clusters.instances(regions.resolve(query), name, nodeType, queue, token));
  }

  private HttpResult deleteInstances(OperationRequest request) {
    String name = ApiParameters.name(request, "clusterName");
    boolean force = request.query().bool("force", false);
    clusters.deleteInstances(regions.resolve(request.query()), name, force);
    return HttpResult.empty(202);
  }

  private HttpResult logStreams(OperationRequest request) {
    String name = ApiParameters.name(request, "clusterName");
    QueryParameters query = request.query();
    String token = query.string("nextToken").orElse(null);
    LogStreamFilters filters = LogStreamFilters.parse(query.list("filters"));
    return HttpResult.json(200, clusters.logStreams(regions.resolve(query), name, filters, token));
  }

  private HttpResult logEvents(OperationRequest request) {
    String name = ApiParameters.name(request, "clusterName");
    String stream = request.path("logStreamName");
    var events = ApiParameters.logEventsQuery(request.query());
    return HttpResult.json(
        200, clusters.logEvents(regions.resolve(request.query()), name, stream, events));
  }

  private HttpResult stackEvents(OperationRequest request) {
    String name = ApiParameters.name(request, "clusterName");
    String token = request.query().string("nextToken").orElse(null);
    return HttpResult.json(
        200, clusters.stackEvents(regions.resolve(request.query()), name, token));
  }
}
