package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.jobs.JobService;
import io.camelpcluster.pcluster.slurm.JobFiles;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Message;

/**
 * One operation of the producer on one exchange: its inputs, the client to call, how to wait, where
 * configuration documents come from and how head nodes are reached.
 */
record OperationCall(
    ExchangeInputs inputs,
    ParallelClusterAsyncClient client,
    Waits waits,
    ConfigurationDocuments documents,
    HeadNodes headNodes) {

  /** The message that receives the result. */
  Message message() {
    return inputs.exchange().getMessage();
  }

  PclusterConfiguration configuration() {
    return inputs.configuration();
  }

  /** The region to act on, or null for the API's default. */
  String region() {
    return inputs.region();
  }

  /** Whether this exchange asks for a dry run. */
  boolean dryRun() {
    return inputs.flag(PclusterConstants.DRY_RUN, configuration().isDryrun());
  }

  /** The cluster name from the header or the option; an error when neither is set. */
  String clusterName() {
    return inputs.required(
        PclusterConstants.CLUSTER_NAME, configuration().getClusterName(), "clusterName");
  }

  /** The image id from the header or the option; an error when neither is set. */
  String imageId() {
    return inputs.required(PclusterConstants.IMAGE_ID, configuration().getImageId(), "imageId");
  }

  /** The page token from the header or the option, or null for the first page. */
  String nextToken() {
    return inputs.text(PclusterConstants.NEXT_TOKEN, configuration().getNextToken());
  }

  /**
   * The job service of the cluster's head node, reached as the endpoint's options say. The cluster
   * name and the options are checked at once; the head node is looked up (once per component) and
   * reached asynchronously.
   */
  CompletableFuture<JobService> jobService() {
    String clusterName = clusterName();
    HeadNodeSettings settings = HeadNodeSettings.of(configuration());
    return headNodes.jobService(client, region(), clusterName, settings);
  }

  /** The job id from the header or the option; an error when neither is set or it is no job id. */
  String jobId() {
    String jobId = inputs.required(PclusterConstants.JOB_ID, configuration().getJobId(), "jobId");
    try {
      return JobFiles.checkKey(jobId.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "jobId (or the "
              + PclusterConstants.JOB_ID
              + " header) must be a Slurm job id such as 123, or 123_4 for an array task",
          e);
    }
  }
}
