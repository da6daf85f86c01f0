package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The API clients of a component, one per distinct {@link ClientSettings}, all retrying on the
 * component's scheduler and completing their HTTP calls on its HTTP threads. Closing the cache
 * closes every client and credentials provider it built.
 */
final class ClientCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClientCache.class);

  private record Entry(ParallelClusterAsyncClient client, AwsCredentialsProvider credentials) {}

  private final ScheduledExecutorService scheduler;
  private final Executor httpExecutor;
  private final Map<ClientSettings, Entry> clients = new ConcurrentHashMap<>();

  ClientCache(ScheduledExecutorService scheduler, Executor httpExecutor) {
    this.scheduler = scheduler;
    this.httpExecutor = httpExecutor;
  }

  /** The client for these settings, built on first use. */
  ParallelClusterAsyncClient clientFor(ClientSettings settings) {
    return clients.computeIfAbsent(settings, this::build).client();
  }

  private Entry build(ClientSettings settings) {
    AwsCredentialsProvider credentials = settings.credentials().provider();
    try {
      ParallelClusterAsyncClient client = settings.newClient(credentials, scheduler, httpExecutor);
      LOG.debug("Created a ParallelCluster client for {}", settings);
      return new Entry(client, credentials);
    } catch (RuntimeException e) {
      closeQuietly(credentials);
      throw e;
    }
  }

  @Override
  public void close() {
    clients
        .values()
        .forEach(
            entry -> {
              entry.client().close();
              closeQuietly(entry.credentials());
            });
    clients.clear();
  }

  private static void closeQuietly(AwsCredentialsProvider credentials) {
    if (credentials instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("Could not close the AWS credentials provider {}", credentials, e);
      }
    }
  }
}
