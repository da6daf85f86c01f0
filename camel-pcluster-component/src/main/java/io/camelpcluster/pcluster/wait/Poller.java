package io.camelpcluster.pcluster.wait;

/**
 * The polling for one (client, region), or for one head node's jobs: its loop, and what ends it.
 */
sealed interface Poller extends PollLoop.Rounds permits ClusterPoller, DescribePoller, JobPoller {

  PollLoop loop();

  /** Stops polling; pending waiters fail, subscriptions end. */
  void close();
}
