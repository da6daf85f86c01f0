package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.ParallelClusterServiceException;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a {@code pcluster:} producer: whether the API answers and accepts the credentials,
 * found with one page of ListClusters in the endpoint's region. An error answer (such as API
 * Gateway's 403 for rejected credentials) is DOWN with the service's message and status code; no
 * answer is DOWN with the reason.
 */
final class PclusterProducerHealthCheck extends AbstractHealthCheck {

  private final PclusterEndpoint endpoint;

  PclusterProducerHealthCheck(PclusterEndpoint endpoint, String endpointId) {
    super("camel", "producer:pcluster-" + endpointId);
    this.endpoint = endpoint;
  }

  @Override
  public boolean isLiveness() {
    return false;
  }

  @Override
  protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
    PclusterConfiguration configuration = endpoint.getConfiguration();
    Duration timeout = configuration.getRequestTimeout();
    builder.detail("endpoint", endpoint.getClient().endpoint().toString());
    try {
      endpoint
          .getClient()
          .listClusters(new ListClustersRequest(configuration.getRegion(), Set.of(), null))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      builder.up();
    } catch (ExecutionException e) {
      Throwable cause = Completions.unwrap(e);
      if (cause instanceof ParallelClusterServiceException answer) {
        builder.detail(SERVICE_STATUS_CODE, answer.statusCode());
        if (answer.errorType() != null) {
          builder.detail(SERVICE_ERROR_CODE, answer.errorType());
        }
      }
      builder.message(cause.getMessage());
      builder.error(cause);
      builder.down();
    } catch (TimeoutException e) {
      builder.message("the ParallelCluster API did not answer within " + timeout);
      builder.down();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      builder.message("interrupted while calling the ParallelCluster API");
      builder.down();
    }
  }
}
