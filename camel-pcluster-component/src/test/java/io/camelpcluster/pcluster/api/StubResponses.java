package io.camelpcluster.pcluster.api;

import java.time.Instant;

/** JSON answers of the API for {@link StubApi} scripts. */
final class StubResponses {
  private StubResponses() {}

  static String summary(String name, String status) {
    return "{\"clusterName\":\""
        + name
        + "\",\"region\":\"eu-west-1\",\"version\":\"3.12.0\","
        + "\"cloudformationStackArn\":\"arn:aws:cloudformation:eu-west-1:123456789012:stack/"
        + name
        + "/1\",\"cloudformationStackStatus\":\""
        + status
        + "\",\"clusterStatus\":\""
        + status
        + "\",\"scheduler\":{\"type\":\"slurm\"}}";
  }

  static String created(String name) {
    return "{\"cluster\":" + summary(name, "CREATE_IN_PROGRESS") + "}";
  }

  static String described(String name, String status, Instant created, Instant updated) {
    return "{\"clusterName\":\""
        + name
        + "\",\"region\":\"eu-west-1\",\"version\":\"3.12.0\",\"cloudFormationStackStatus\":\""
        + status
        + "\",\"clusterStatus\":\""
        + status
        + "\",\"scheduler\":{\"type\":\"slurm\"},"
        + "\"cloudformationStackArn\":\"arn:aws:cloudformation:eu-west-1:123456789012:stack/"
        + name
        + "/1\",\"creationTime\":\""
        + created
        + "\",\"lastUpdatedTime\":\""
        + updated
        + "\",\"clusterConfiguration\":{\"url\":\"NOT_AVAILABLE\"},"
        + "\"computeFleetStatus\":\"UNKNOWN\",\"tags\":[]}";
  }

  static String imageDescribed(String id, String status, Instant stackCreated) {
    return "{\"imageId\":\""
        + id
        + "\",\"region\":\"eu-west-1\",\"version\":\"3.12.0\",\"imageBuildStatus\":\""
        + status
        + "\",\"cloudformationStackStatus\":\"CREATE_IN_PROGRESS\","
        + "\"cloudformationStackArn\":\"arn:stack/"
        + id
        + "\",\"cloudformationStackCreationTime\":\""
        + stackCreated
        + "\",\"imageConfiguration\":{\"url\":\"NOT_AVAILABLE\"}}";
  }
}
