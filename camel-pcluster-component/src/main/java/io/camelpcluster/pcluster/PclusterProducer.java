package io.camelpcluster.pcluster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.URISupport;

/**
 * The producer of every {@code pcluster:} operation. It never blocks: the operation's API calls and
 * waits run asynchronously, and the exchange continues on one of the component's worker threads
 * when the result (or the failure) is in.
 */
public class PclusterProducer extends DefaultAsyncProducer {

  private ConfigurationDocuments documents;
  private WritableHealthCheckRepository healthCheckRepository;
  private PclusterProducerHealthCheck healthCheck;

  public PclusterProducer(PclusterEndpoint endpoint) {
    super(endpoint);
  }

  @Override
  public PclusterEndpoint getEndpoint() {
    return (PclusterEndpoint) super.getEndpoint();
  }

  @Override
  public boolean process(Exchange exchange, AsyncCallback callback) {
    CompletableFuture<Void> outcome;
    try {
      PclusterOperations operation = operation(exchange);
      ExchangeInputs inputs =
          new ExchangeInputs(exchange, getEndpoint().getConfiguration(), operation);
      OperationCall call =
          new OperationCall(
              inputs,
              getEndpoint().getClient(),
              new Waits(getEndpoint().getWaitService(), getEndpoint().getClient(), inputs),
              documents);
      outcome = OperationHandlers.of(operation).start(call);
    } catch (RuntimeException e) {
      exchange.setException(e);
      callback.done(true);
      return true;
    }
    outcome.whenComplete((ignored, failure) -> continueExchange(exchange, callback, failure));
    return false;
  }

  /** Continues the exchange on a worker thread (on this one when the pool is shut down). */
  private void continueExchange(Exchange exchange, AsyncCallback callback, Throwable failure) {
    Runnable finish =
        () -> {
          if (failure != null) {
            exchange.setException(Completions.unwrap(failure));
          }
          callback.done(false);
        };
    try {
      getEndpoint().workers().execute(finish);
    } catch (RejectedExecutionException | IllegalStateException e) {
      finish.run();
    }
  }

  private PclusterOperations operation(Exchange exchange) {
    Object header = exchange.getMessage().getHeader(PclusterConstants.OPERATION);
    if (header == null) {
      return getEndpoint().getConfiguration().getOperation();
    }
    if (header instanceof PclusterOperations operation) {
      return operation;
    }
    try {
      return PclusterOperations.valueOf(header.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "header "
              + PclusterConstants.OPERATION
              + " must name a pcluster operation such as describeCluster",
          e);
    }
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    documents = new ConfigurationDocuments(getEndpoint().getCamelContext());
    healthCheckRepository =
        HealthCheckHelper.getHealthCheckRepository(
            getEndpoint().getCamelContext(), "producers", WritableHealthCheckRepository.class);
    if (healthCheckRepository != null) {
      healthCheck = new PclusterProducerHealthCheck(getEndpoint(), getEndpoint().getId());
      healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
      healthCheckRepository.addHealthCheck(healthCheck);
    }
  }

  @Override
  protected void doStop() throws Exception {
    if (healthCheckRepository != null && healthCheck != null) {
      healthCheckRepository.removeHealthCheck(healthCheck);
      healthCheck = null;
    }
    super.doStop();
  }

  @Override
  public String toString() {
    return "PclusterProducer[" + URISupport.sanitizeUri(getEndpoint().getEndpointUri()) + "]";
  }
}
