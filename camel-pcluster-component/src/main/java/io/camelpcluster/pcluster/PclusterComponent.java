package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.wait.WaitService;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.PropertiesHelper;

/**
 * The {@code pcluster:} component: AWS ParallelCluster clusters, images and jobs as endpoints.
 *
 * <p>While started it owns one {@link WaitService} on a small scheduler (shared by all waits and by
 * the clients' retry delays), a small pool of worker threads on which exchanges continue after an
 * API call or a wait, and one API client per distinct connection configuration.
 */
@Component("pcluster")
public class PclusterComponent extends HealthCheckComponent {

  /** Threads of the scheduler that runs polls and retry delays. */
  private static final int SCHEDULER_THREADS = 2;

  /** Threads on which the HTTP clients complete their calls (non-blocking work only). */
  private static final int HTTP_THREADS = 2;

  private static final String TAGS_PREFIX = "clusterTags.";
  private static final String OVERRIDES_PREFIX = "configOverrides.";

  @Metadata(description = "Component-level defaults that every endpoint starts from")
  private PclusterConfiguration configuration = new PclusterConfiguration();

  @Metadata(
      label = "advanced",
      defaultValue = "4",
      description =
          "Threads on which exchanges continue after an API call or a wait (routes doing slow"
              + " work after a pcluster endpoint should hand it to their own threads)")
  private int workerPoolSize = 4;

  private ScheduledExecutorService scheduler;
  private ExecutorService workers;
  private ExecutorService httpThreads;
  private WaitService waitService;
  private ClientCache clients;

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    PclusterConfiguration copy = configuration.copy();
    copy.setOperation(operation(remaining));
    copy.getClusterTags().putAll(clusterTags(parameters));
    PropertiesHelper.extractProperties(parameters, OVERRIDES_PREFIX)
        .forEach((path, value) -> copy.getConfigOverrides().put(appendMarker(path), value));
    if (parameters.get("configTemplate") instanceof String location
        && location.startsWith("#bean:")) {
      // keep the reference: Camel would otherwise put the bean's text in place of the location
      parameters.put("configTemplate", location.substring(1));
    }
    PclusterEndpoint endpoint = new PclusterEndpoint(uri, this, copy);
    setProperties(endpoint, parameters);
    return endpoint;
  }

  private static PclusterOperations operation(String remaining) {
    try {
      return PclusterOperations.valueOf(remaining);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown pcluster operation '"
              + remaining
              + "'; use one of "
              + Arrays.toString(PclusterOperations.values()),
          e);
    }
  }

  /** A path whose {@code [+]} came through URI decoding as {@code [ ]} gets it back. */
  private static String appendMarker(String path) {
    return path.replace("[ ]", "[+]");
  }

  /** {@code clusterTags.<key>=<value>} options, and the {@code clusterTags=k1=v1,k2=v2} form. */
  private static Map<String, String> clusterTags(Map<String, Object> parameters) {
    Map<String, String> tags = new LinkedHashMap<>();
    Object pairs = parameters.remove("clusterTags");
    if (pairs instanceof String text && !text.isBlank()) {
      for (String pair : text.split(",")) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException(
              "clusterTags must be key=value pairs separated by commas, got '" + pair + "'");
        }
        tags.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
      }
    } else if (pairs instanceof Map<?, ?> map) {
      map.forEach((key, value) -> tags.put(String.valueOf(key), String.valueOf(value)));
    }
    PropertiesHelper.extractProperties(parameters, TAGS_PREFIX)
        .forEach((key, value) -> tags.put(key, String.valueOf(value)));
    return tags;
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
    scheduler = executors.newScheduledThreadPool(this, "PclusterScheduler", SCHEDULER_THREADS);
    workers = executors.newFixedThreadPool(this, "PclusterWorker", workerPoolSize);
    httpThreads = executors.newFixedThreadPool(this, "PclusterHttp", HTTP_THREADS);
    waitService = new WaitService(scheduler);
    clients = new ClientCache(scheduler, httpThreads);
  }

  @Override
  protected void doStop() throws Exception {
    if (waitService != null) {
      waitService.close();
      waitService = null;
    }
    if (clients != null) {
      clients.close();
      clients = null;
    }
    ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
    if (scheduler != null) {
      executors.shutdownNow(scheduler);
      scheduler = null;
    }
    if (workers != null) {
      executors.shutdown(workers);
      workers = null;
    }
    if (httpThreads != null) {
      executors.shutdown(httpThreads);
      httpThreads = null;
    }
    super.doStop();
  }

  /** The client for an endpoint's configuration: its own bean, or a shared one built here. */
  ParallelClusterAsyncClient clientFor(PclusterConfiguration endpointConfiguration) {
    if (endpointConfiguration.getPclusterClient() != null) {
      return endpointConfiguration.getPclusterClient();
    }
    return started(clients).clientFor(ClientSettings.of(endpointConfiguration));
  }

  /** The component's wait service (while started). */
  WaitService waitService() {
    return started(waitService);
  }

  /** The threads on which exchanges continue (while started). */
  ExecutorService workers() {
    return started(workers);
  }

  private static <T> T started(T resource) {
    if (resource == null) {
      throw new IllegalStateException("the pcluster component is not started");
    }
    return resource;
  }

  /** Component-level defaults that every endpoint inherits. */
  public PclusterConfiguration getConfiguration() {
    return configuration;
  }

  public void setConfiguration(PclusterConfiguration configuration) {
    this.configuration = configuration;
  }

  public int getWorkerPoolSize() {
    return workerPoolSize;
  }

  public void setWorkerPoolSize(int workerPoolSize) {
    if (workerPoolSize < 1) {
      throw new IllegalArgumentException(
          "workerPoolSize must be at least 1, got " + workerPoolSize);
    }
    this.workerPoolSize = workerPoolSize;
  }
}
