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
import io.camelpcluster.pcluster.jobs.JobStatus;
import io.camelpcluster.pcluster.slurm.ExitCode;
import io.camelpcluster.pcluster.slurm.JobState;
import io.camelpcluster.pcluster.slurm.SlurmJob;
import java.util.List;
import java.util.Optional;
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

  /**
   * The state of a job being waited on or described: its overall state, and the facts of the job
   * that decides it (for an array, the first task in that state).
   */
  static void job(Message message, JobStatus status) {
    job(message, decisive(status), status.state());
  }

  /** The facts of one job (or array task), with the state to report. */
  static void job(Message message, SlurmJob job, JobState state) {
    message.setHeader(PclusterConstants.JOB_STATE, state);
    message.setHeader(PclusterConstants.JOB_RAW_STATE, job.rawState());
    Optional<ExitCode> exit = job.exitCode();
    setOrRemove(message, PclusterConstants.JOB_EXIT_CODE, exit.map(ExitCode::code));
    setOrRemove(message, PclusterConstants.JOB_SIGNAL, exit.map(ExitCode::signal));
    setOrRemove(message, PclusterConstants.JOB_NODE_LIST, job.nodeList());
    setOrRemove(message, PclusterConstants.JOB_REASON, job.reason());
  }

  /** The job whose facts stand for the whole: a single job, or the first task in its state. */
  static SlurmJob decisive(JobStatus status) {
    return status.jobs().stream()
        .filter(job -> job.state() == status.state())
        .findFirst()
        .orElse(status.jobs().get(0));
  }

  private static void setOrRemove(Message message, String header, Optional<?> value) {
    if (value.isPresent()) {
      message.setHeader(header, value.get());
    } else {
      message.removeHeader(header);
    }
  }
}
