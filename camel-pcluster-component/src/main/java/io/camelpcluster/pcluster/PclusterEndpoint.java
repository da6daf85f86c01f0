package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.wait.WaitService;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Manage AWS ParallelCluster clusters and custom images, and run Slurm/MPI jobs on their head
 * nodes: every API operation, waits that do not block threads, cluster configuration templates, and
 * a sensor of cluster status changes.
 */
@UriEndpoint(
    firstVersion = "0.1.0",
    scheme = "pcluster",
    title = "AWS ParallelCluster",
    syntax = "pcluster:operation",
    category = {Category.CLOUD, Category.MANAGEMENT},
    headersClass = PclusterConstants.class)
public class PclusterEndpoint extends DefaultEndpoint {

  @UriParam private PclusterConfiguration configuration;

  private ParallelClusterAsyncClient client;

  public PclusterEndpoint(
      String uri, PclusterComponent component, PclusterConfiguration configuration) {
    super(uri, component);
    this.configuration = configuration;
  }

  @Override
  public PclusterComponent getComponent() {
    return (PclusterComponent) super.getComponent();
  }

  @Override
  public Producer createProducer() {
    if (configuration.getOperation() == PclusterOperations.clusterEvents) {
      throw new IllegalArgumentException(
          "clusterEvents is a consumer operation: use it in from(\"pcluster:clusterEvents\")");
    }
    return new PclusterProducer(this);
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    if (configuration.getOperation() != PclusterOperations.clusterEvents) {
      throw new IllegalArgumentException(
          "pcluster: only clusterEvents can be consumed from; "
              + configuration.getOperation()
              + " is a producer operation (use it in to(...))");
    }
    PclusterConsumer consumer = new PclusterConsumer(this, processor);
    configureConsumer(consumer);
    return consumer;
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    // Camel may start an endpoint's producer before its component, e.g. inside a split of a route
    // added before the context started; the component's threads and clients must exist by then.
    ServiceHelper.startService(getComponent());
    client = getComponent().clientFor(configuration);
  }

  @Override
  protected void doStop() throws Exception {
    client = null;
    super.doStop();
  }

  /**
   * The API client of this endpoint (while started): the configured {@code pclusterClient}, or one
   * the component shares between endpoints with the same connection options.
   */
  public ParallelClusterAsyncClient getClient() {
    if (client == null) {
      throw new IllegalStateException("the endpoint " + this + " is not started");
    }
    return client;
  }

  /** The component's wait service, shared by every endpoint. */
  public WaitService getWaitService() {
    return getComponent().waitService();
  }

  /** The threads on which exchanges continue after an API call or a wait. */
  ExecutorService workers() {
    return getComponent().workers();
  }

  public PclusterConfiguration getConfiguration() {
    return configuration;
  }
}
