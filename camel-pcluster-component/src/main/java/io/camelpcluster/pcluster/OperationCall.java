package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import org.apache.camel.Message;

/**
 * One operation of the producer on one exchange: its inputs, the client to call, how to wait and
 * where configuration documents come from.
 */
record OperationCall(
    ExchangeInputs inputs,
    ParallelClusterAsyncClient client,
    Waits waits,
    ConfigurationDocuments documents) {

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
}
