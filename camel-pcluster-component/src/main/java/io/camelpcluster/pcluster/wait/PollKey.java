package io.camelpcluster.pcluster.wait;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;

/** What one poller serves: a client (by identity) and a region (null: the client's default). */
record PollKey(ParallelClusterAsyncClient client, String region) {

  /** The region for logs. */
  String regionName() {
    return region == null ? "the default region" : region;
  }
}
