package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.Ec2Instance;
import io.camelpcluster.pcluster.headnode.HeadNode;
import io.camelpcluster.pcluster.headnode.HeadNodeAccess;
import io.camelpcluster.pcluster.headnode.HeadNodeAccessFactory;
import io.camelpcluster.pcluster.headnode.HeadNodeAccessOptions;
import io.camelpcluster.pcluster.headnode.HeadNodeAccessType;
import io.camelpcluster.pcluster.headnode.HeadNodeException;
import io.camelpcluster.pcluster.headnode.SsmSettings;
import io.camelpcluster.pcluster.jobs.JobService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head nodes of a component's job operations: one {@link HeadNodeAccess} and {@link JobService}
 * per (API client, region, cluster, {@link HeadNodeSettings}), opened on first use and shared by
 * every exchange and job waiter, closed with the component. For {@code ssm} and {@code ssh} the
 * head node is found with DescribeCluster (its instance id, or its public or private IP address);
 * for {@code local} no lookup is made, the cluster name only keys the state. A lookup or opening
 * that fails is not kept: the next exchange tries again.
 *
 * <p>SSM accesses are opened in the cluster's region, as DescribeCluster reports it, with one SSM
 * client per region, credentials and endpoint; the accesses of equal options come from one {@link
 * HeadNodeAccessFactory}, so they share its poller of SSM commands.
 */
final class HeadNodes implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HeadNodes.class);

  private record Key(
      ParallelClusterAsyncClient client,
      String region,
      String clusterName,
      HeadNodeSettings settings) {}

  private final SsmClients ssmClients = new SsmClients();

  // guarded by this
  private final Map<Key, CompletableFuture<JobService>> services = new HashMap<>();
  private final Map<HeadNodeAccessOptions, HeadNodeAccessFactory> factories = new HashMap<>();
  private boolean closed;

  /**
   * The job service of a cluster's head node, reached as {@code settings} say.
   *
   * @param client the API client that finds the head node
   * @param region the cluster's region, or null for the client's default
   */
  synchronized CompletableFuture<JobService> jobService(
      ParallelClusterAsyncClient client,
      String region,
      String clusterName,
      HeadNodeSettings settings) {
    if (closed) {
      throw new IllegalStateException("the pcluster component is not started");
    }
    Key key = new Key(client, region, clusterName, settings);
    CompletableFuture<JobService> current = services.get(key);
    if (current != null && !current.isCompletedExceptionally()) {
      return current;
    }
    CompletableFuture<JobService> opened = open(key);
    services.put(key, opened);
    opened.whenComplete(
        (service, failure) -> {
          if (failure != null) {
            forget(key, opened);
          }
        });
    return opened;
  }

  private synchronized void forget(Key key, CompletableFuture<JobService> opened) {
    services.remove(key, opened);
  }

  private CompletableFuture<JobService> open(Key key) {
    HeadNodeSettings settings = key.settings();
    return locate(key)
        .thenApply(
            located -> {
              HeadNodeAccess access =
                  factory(accessOptions(settings, located)).open(located.node());
              LOG.debug("Opened {} for the head node of cluster {}", access, key.clusterName());
              return new JobService(access, settings.jobServiceOptions());
            });
  }

  /** The head node, and the region its cluster is in (null when not looked up). */
  private record Located(HeadNode node, String region) {}

  private HeadNodeAccessOptions accessOptions(HeadNodeSettings settings, Located located) {
    if (settings.type() != HeadNodeAccessType.SSM) {
      return settings.accessOptions(Optional.empty());
    }
    HeadNodeSettings.SsmConnection ssm = settings.ssm().orElseThrow();
    if (located.region() == null) {
      throw new IllegalArgumentException(
          "headNodeAccess=ssm: the region of cluster "
              + located.node().clusterName()
              + " is not known; set the region option");
    }
    return settings.accessOptions(
        Optional.of(
            SsmSettings.of(ssmClients.clientFor(located.region(), ssm))
                .withPollInterval(ssm.pollInterval())));
  }

  /** One factory per access options: SSM accesses of one factory share its command poller. */
  private synchronized HeadNodeAccessFactory factory(HeadNodeAccessOptions options) {
    return factories.computeIfAbsent(options, HeadNodeAccessFactory::new);
  }

  private static CompletableFuture<Located> locate(Key key) {
    HeadNodeSettings settings = key.settings();
    if (settings.type() == HeadNodeAccessType.LOCAL) {
      return CompletableFuture.completedFuture(
          new Located(HeadNode.local(key.clusterName()), null));
    }
    if (settings.host().isPresent()) {
      return CompletableFuture.completedFuture(
          new Located(HeadNode.atAddress(key.clusterName(), settings.host().get()), null));
    }
    return key.client()
        .describeCluster(new DescribeClusterRequest(key.clusterName(), key.region()))
        .thenApply(
            cluster ->
                new Located(
                    headNode(cluster, settings),
                    cluster.region() != null ? cluster.region() : key.region()));
  }

  /** The head node as DescribeCluster reports it, with what the transport needs. */
  static HeadNode headNode(DescribeClusterResponse cluster, HeadNodeSettings settings) {
    Ec2Instance head = cluster.headNode();
    if (head == null) {
      throw new HeadNodeException(
          "cluster "
              + cluster.clusterName()
              + " has no head node (cluster status "
              + cluster.clusterStatus()
              + ")");
    }
    Optional<String> instanceId = Optional.ofNullable(head.instanceId());
    Optional<String> address =
        Optional.ofNullable(
            settings.address() == HeadNodeSettings.Address.PUBLIC
                ? head.publicIpAddress()
                : head.privateIpAddress());
    switch (settings.type()) {
      case SSH:
        if (address.isEmpty()) {
          throw new HeadNodeException(
              "the head node of cluster "
                  + cluster.clusterName()
                  + (settings.address() == HeadNodeSettings.Address.PUBLIC
                      ? " has no public IP address; use headNodeAddress=private from within the"
                          + " cluster's VPC, or headNodeHost"
                      : " has no private IP address"));
        }
        break;
      case SSM:
        if (instanceId.isEmpty()) {
          throw new HeadNodeException(
              "the head node of cluster " + cluster.clusterName() + " has no instance id");
        }
        break;
      default:
        break;
    }
    return new HeadNode(cluster.clusterName(), address, instanceId);
  }

  /** Closes every access opened (and those still being opened, once they are). */
  @Override
  public void close() {
    List<CompletableFuture<JobService>> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(services.values());
      services.clear();
    }
    all.forEach(opened -> opened.thenAccept(service -> service.access().close()));
    ssmClients.close();
  }
}
