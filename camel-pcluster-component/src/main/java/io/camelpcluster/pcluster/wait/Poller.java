package io.camelpcluster.pcluster.wait;

/** The polling for one (client, region): its loop, and what ends it. */
sealed interface Poller extends PollLoop.Rounds permits ClusterPoller, DescribePoller {

  PollLoop loop();

  /** Stops polling; pending waiters fail, subscriptions end. */
  void close();
}
