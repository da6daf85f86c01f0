package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.ConfigValidationMessage;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.DescribeImageResponse;
import io.camelpcluster.pcluster.api.model.DryRunResult;
import io.camelpcluster.pcluster.api.model.ImageBuildStatus;
import io.camelpcluster.pcluster.api.model.ImageInfoSummary;
import java.util.List;
import org.apache.camel.Message;

/** Writes the key facts of an answer into the output headers ({@link PclusterConstants}). */
final class ResultHeaders {

  private ResultHeaders() {}

  /** Name, status and stack status of a cluster. */
  static void cluster(Message message, ClusterInfoSummary cluster) {
    if (cluster == null) {
      return;
    }
    message.setHeader(PclusterConstants.CLUSTER_NAME, cluster.clusterName());
    message.setHeader(PclusterConstants.CLUSTER_STATUS, cluster.clusterStatus());
    message.setHeader(
        PclusterConstants.CLOUDFORMATION_STACK_STATUS, cluster.cloudformationStackStatus());
  }

  /** The summary's facts plus the compute fleet status. */
  static void cluster(Message message, DescribeClusterResponse cluster) {
    cluster(message, cluster.toSummary());
    computeFleet(message, cluster.computeFleetStatus());
  }

  /** A cluster that is gone after a deletion. */
  static void clusterDeleted(Message message) {
    message.setHeader(PclusterConstants.CLUSTER_STATUS, ClusterStatus.DELETE_COMPLETE);
    message.removeHeader(PclusterConstants.CLOUDFORMATION_STACK_STATUS);
  }

  static void computeFleet(Message message, ComputeFleetStatus status) {
    message.setHeader(PclusterConstants.COMPUTE_FLEET_STATUS, status);
  }

  /** Id, build status, stack status and AMI of an image. */
  static void image(Message message, ImageInfoSummary image) {
    if (image == null) {
      return;
    }
    message.setHeader(PclusterConstants.IMAGE_ID, image.imageId());
    message.setHeader(PclusterConstants.IMAGE_BUILD_STATUS, image.imageBuildStatus());
    message.setHeader(
        PclusterConstants.CLOUDFORMATION_STACK_STATUS, image.cloudformationStackStatus());
    if (image.ec2AmiInfo() != null) {
      message.setHeader(PclusterConstants.AMI_ID, image.ec2AmiInfo().amiId());
    }
  }

  static void image(Message message, DescribeImageResponse image) {
    image(message, image.toSummary());
  }

  /** An image that is gone after a deletion. */
  static void imageDeleted(Message message) {
    message.setHeader(PclusterConstants.IMAGE_BUILD_STATUS, ImageBuildStatus.DELETE_COMPLETE);
    message.removeHeader(PclusterConstants.CLOUDFORMATION_STACK_STATUS);
  }

  static void validationMessages(Message message, List<ConfigValidationMessage> messages) {
    message.setHeader(PclusterConstants.VALIDATION_MESSAGES_COUNT, messages.size());
  }

  static void changeCount(Message message, int changes) {
    message.setHeader(PclusterConstants.CHANGE_COUNT, changes);
  }

  /** The next page's token, or no header on the last page. */
  static void nextToken(Message message, String nextToken) {
    if (nextToken == null || nextToken.isEmpty()) {
      message.removeHeader(PclusterConstants.NEXT_TOKEN);
    } else {
      message.setHeader(PclusterConstants.NEXT_TOKEN, nextToken);
    }
  }

  /** A successful dry run: its result is the body. */
  static void dryRun(Message message, DryRunResult result) {
    message.setBody(result);
    message.setHeader(PclusterConstants.DRY_RUN_PASSED, true);
    validationMessages(message, result.validationMessages());
    changeCount(message, result.changeSet().size());
  }
}
