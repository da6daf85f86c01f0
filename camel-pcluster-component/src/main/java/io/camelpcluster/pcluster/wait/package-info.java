/**
 * Waiting on ParallelCluster resources without a thread per waiter, and the cluster sensor.
 *
 * <p>{@link io.camelpcluster.pcluster.wait.WaitService} is the entry point: {@code awaitCluster},
 * {@code awaitImage} and {@code awaitComputeFleet} return futures that complete when a {@link
 * io.camelpcluster.pcluster.wait.ClusterTarget}, {@link io.camelpcluster.pcluster.wait.ImageTarget}
 * or fleet status is reached, or fail with a {@link
 * io.camelpcluster.pcluster.wait.WaitFailedException} (with the service's reason) or a {@link
 * io.camelpcluster.pcluster.wait.WaitTimeoutException}; {@code watchClusters} reports {@link
 * io.camelpcluster.pcluster.wait.ClusterEvent}s. Every waiter and subscription on one (client,
 * region) shares one ListClusters walk per poll interval.
 */
package io.camelpcluster.pcluster.wait;
