package io.camelpcluster.pcluster.api;

import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.DeleteClusterInstancesRequest;
import io.camelpcluster.pcluster.api.model.DeleteClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterInstancesRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeComputeFleetRequest;
import io.camelpcluster.pcluster.api.model.GetClusterLogEventsRequest;
import io.camelpcluster.pcluster.api.model.GetClusterStackEventsRequest;
import io.camelpcluster.pcluster.api.model.ListClusterLogStreamsRequest;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import io.camelpcluster.pcluster.api.model.LogEventsQuery;
import io.camelpcluster.pcluster.api.model.UpdateClusterRequest;
import io.camelpcluster.pcluster.api.model.UpdateComputeFleetRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire form (validated) of the cluster operations, tags Cluster Operations to Cluster Logs. */
final class ClusterCalls {
  static final String LIST_CLUSTERS = "ListClusters";
  static final String CREATE_CLUSTER = "CreateCluster";
  static final String DESCRIBE_CLUSTER = "DescribeCluster";
  static final String UPDATE_CLUSTER = "UpdateCluster";
  static final String DELETE_CLUSTER = "DeleteCluster";
  static final String DESCRIBE_COMPUTE_FLEET = "DescribeComputeFleet";
  static final String UPDATE_COMPUTE_FLEET = "UpdateComputeFleet";
  static final String DESCRIBE_CLUSTER_INSTANCES = "DescribeClusterInstances";
  static final String DELETE_CLUSTER_INSTANCES = "DeleteClusterInstances";
  static final String LIST_CLUSTER_LOG_STREAMS = "ListClusterLogStreams";
  static final String GET_CLUSTER_LOG_EVENTS = "GetClusterLogEvents";
  static final String GET_CLUSTER_STACK_EVENTS = "GetClusterStackEvents";

  private ClusterCalls() {}

  static HttpCall listClusters(ListClustersRequest r) {
    RequestValidation.of(LIST_CLUSTERS)
        .region(r.region())
        .text("nextToken", r.nextToken(), RequestValidation.MAX_PARAMETER)
        .validate();
    return HttpCall.builder(LIST_CLUSTERS, "GET")
        .path("clusters")
        .query("region", r.region())
        .query("nextToken", r.nextToken())
        .query("clusterStatus", r.clusterStatus())
        .build();
  }

  static HttpCall createCluster(CreateClusterRequest r, boolean dryRun) {
    RequestValidation.of(CREATE_CLUSTER)
        .clusterName(r.clusterName())
        .configuration("clusterConfiguration", r.clusterConfiguration())
        .region(r.region())
        .suppressValidators(r.suppressValidators())
        .known("validationFailureLevel", r.validationFailureLevel())
        .validate();
    Map<String, String> body = new LinkedHashMap<>();
    body.put("clusterName", r.clusterName());
    body.put("clusterConfiguration", r.clusterConfiguration());
    HttpCall.Builder call =
        HttpCall.builder(CREATE_CLUSTER, "POST")
            .path("clusters")
            .query("region", r.region())
            .query("suppressValidators", r.suppressValidators())
            .query("validationFailureLevel", r.validationFailureLevel())
            .query("dryrun", dryRun ? Boolean.TRUE : null)
            .query("rollbackOnFailure", r.rollbackOnFailure())
            .jsonBody(body);
    return call.idempotent(dryRun).build();
  }

  static HttpCall describeCluster(DescribeClusterRequest r) {
    named(DESCRIBE_CLUSTER, r.clusterName(), r.region());
    return HttpCall.builder(DESCRIBE_CLUSTER, "GET")
        .path("clusters", r.clusterName())
        .query("region", r.region())
        .build();
  }

  static HttpCall updateCluster(UpdateClusterRequest r, boolean dryRun) {
    RequestValidation.of(UPDATE_CLUSTER)
        .clusterName(r.clusterName())
        .configuration("clusterConfiguration", r.clusterConfiguration())
        .region(r.region())
        .suppressValidators(r.suppressValidators())
        .known("validationFailureLevel", r.validationFailureLevel())
        .validate();
    HttpCall.Builder call =
        HttpCall.builder(UPDATE_CLUSTER, "PUT")
            .path("clusters", r.clusterName())
            .query("region", r.region())
            .query("suppressValidators", r.suppressValidators())
            .query("validationFailureLevel", r.validationFailureLevel())
            .query("dryrun", dryRun ? Boolean.TRUE : null)
            .query("forceUpdate", r.forceUpdate())
            .jsonBody(Map.of("clusterConfiguration", r.clusterConfiguration()));
    // a real update that may have been applied is checked by describing, not repeated blindly
    return call.idempotent(dryRun).build();
  }

  static HttpCall deleteCluster(DeleteClusterRequest r) {
    named(DELETE_CLUSTER, r.clusterName(), r.region());
    return HttpCall.builder(DELETE_CLUSTER, "DELETE")
        .path("clusters", r.clusterName())
        .query("region", r.region())
        .build();
  }

  static HttpCall describeComputeFleet(DescribeComputeFleetRequest r) {
    named(DESCRIBE_COMPUTE_FLEET, r.clusterName(), r.region());
    return HttpCall.builder(DESCRIBE_COMPUTE_FLEET, "GET")
        .path("clusters", r.clusterName(), "computefleet")
        .query("region", r.region())
        .build();
  }

  static HttpCall updateComputeFleet(UpdateComputeFleetRequest r) {
    RequestValidation.of(UPDATE_COMPUTE_FLEET)
        .clusterName(r.clusterName())
        .required("status", r.status())
        .region(r.region())
        .validate();
    return HttpCall.builder(UPDATE_COMPUTE_FLEET, "PATCH")
        .path("clusters", r.clusterName(), "computefleet")
        .query("region", r.region())
        .jsonBody(Map.of("status", r.status()))
        .build();
  }

  static HttpCall describeClusterInstances(DescribeClusterInstancesRequest r) {
    RequestValidation.of(DESCRIBE_CLUSTER_INSTANCES)
        .clusterName(r.clusterName())
        .region(r.region())
        .known("nodeType", r.nodeType())
        .text("queueName", r.queueName(), RequestValidation.MAX_PARAMETER)
        .text("nextToken", r.nextToken(), RequestValidation.MAX_PARAMETER)
        .validate();
    return HttpCall.builder(DESCRIBE_CLUSTER_INSTANCES, "GET")
        .path("clusters", r.clusterName(), "instances")
        .query("region", r.region())
        .query("nextToken", r.nextToken())
        .query("nodeType", r.nodeType())
        .query("queueName", r.queueName())
        .build();
  }

  static HttpCall deleteClusterInstances(DeleteClusterInstancesRequest r) {
    named(DELETE_CLUSTER_INSTANCES, r.clusterName(), r.region());
    return HttpCall.builder(DELETE_CLUSTER_INSTANCES, "DELETE")
        .path("clusters", r.clusterName(), "instances")
        .query("region", r.region())
        .query("force", r.force())
        .build();
  }

  static HttpCall listClusterLogStreams(ListClusterLogStreamsRequest r) {
    RequestValidation.of(LIST_CLUSTER_LOG_STREAMS)
        .clusterName(r.clusterName())
        .region(r.region())
        .logStreamFilters(r.filters())
        .text("nextToken", r.nextToken(), RequestValidation.MAX_PARAMETER)
        .validate();
    return HttpCall.builder(LIST_CLUSTER_LOG_STREAMS, "GET")
        .path("clusters", r.clusterName(), "logstreams")
        .query("region", r.region())
        // spaceDelimited: one parameter, items separated by spaces, as the official client sends
        .query("filters", r.filters().isEmpty() ? null : String.join(" ", r.filters()))
        .query("nextToken", r.nextToken())
        .build();
  }

  static HttpCall getClusterLogEvents(GetClusterLogEventsRequest r) {
    RequestValidation.of(GET_CLUSTER_LOG_EVENTS)
        .clusterName(r.clusterName())
        .logStreamName(r.logStreamName())
        .region(r.region())
        .logEventsQuery(r.query())
        .validate();
    return logEvents(
        HttpCall.builder(GET_CLUSTER_LOG_EVENTS, "GET")
            .path("clusters", r.clusterName(), "logstreams", r.logStreamName())
            .query("region", r.region()),
        r.query());
  }

  static HttpCall getClusterStackEvents(GetClusterStackEventsRequest r) {
    RequestValidation.of(GET_CLUSTER_STACK_EVENTS)
        .clusterName(r.clusterName())
        .region(r.region())
        .text("nextToken", r.nextToken(), RequestValidation.MAX_PARAMETER)
        .validate();
    return HttpCall.builder(GET_CLUSTER_STACK_EVENTS, "GET")
        .path("clusters", r.clusterName(), "stackevents")
        .query("region", r.region())
        .query("nextToken", r.nextToken())
        .build();
  }

  /** Adds the query of Get{Cluster,Image}LogEvents. */
  static HttpCall logEvents(HttpCall.Builder call, LogEventsQuery query) {
    return call.query("nextToken", query.nextToken())
        .query("startFromHead", query.startFromHead())
        .query("limit", query.limit())
        .query("startTime", query.startTime())
        .query("endTime", query.endTime())
        .build();
  }

  private static void named(String operation, String clusterName, String region) {
    RequestValidation.of(operation).clusterName(clusterName).region(region).validate();
  }
}
