package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.wait.ClusterEvent;
import io.camelpcluster.pcluster.wait.ClusterEventFilter;
import io.camelpcluster.pcluster.wait.Subscription;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * The {@code clusterEvents} sensor: {@code from("pcluster:clusterEvents?...")} emits one exchange
 * per cluster created, changed status or deleted, as seen by the component's shared ListClusters
 * walk of the endpoint's client and region. The body is the {@link ClusterEvent}; the headers carry
 * the cluster name, its status, the previous status and the event type. Events come in order, one
 * exchange at a time, on a thread of the component's scheduler.
 */
public class PclusterConsumer extends DefaultConsumer {
  private Subscription subscription;

  public PclusterConsumer(PclusterEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
  }

  @Override
  public PclusterEndpoint getEndpoint() {
    return (PclusterEndpoint) super.getEndpoint();
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    PclusterConfiguration configuration = getEndpoint().getConfiguration();
    ClusterEventFilter filter =
        ClusterEventFilter.parse(
            configuration.getClusterNamePrefix(),
            configuration.getClusterTags(),
            configuration.getClusterStatusFilter());
    subscription =
        getEndpoint()
            .getWaitService()
            .watchClusters(
                getEndpoint().getClient(),
                configuration.getRegion(),
                configuration.getPollInterval(),
                filter,
                configuration.isEmitInitialState(),
                this::emit);
  }

  @Override
  protected void doStop() throws Exception {
    if (subscription != null) {
      subscription.close();
      subscription = null;
    }
    super.doStop();
  }

  private void emit(ClusterEvent event) {
    Exchange exchange = createExchange(false);
    try {
      Message message = exchange.getMessage();
      message.setBody(event);
      message.setHeader(PclusterConstants.CLUSTER_NAME, event.clusterName());
      message.setHeader(PclusterConstants.CLUSTER_STATUS, event.status());
      message.setHeader(PclusterConstants.PREVIOUS_CLUSTER_STATUS, event.previousStatus());
      message.setHeader(PclusterConstants.EVENT_TYPE, event.type().name());
      message.setHeader(
          PclusterConstants.CLOUDFORMATION_STACK_STATUS,
          event.cluster().cloudformationStackStatus());
      getProcessor().process(exchange);
    } catch (Exception e) {
      exchange.setException(e);
    } finally {
      if (exchange.getException() != null) {
        getExceptionHandler()
            .handleException(
                "Error processing the " + event.type() + " event of cluster " + event.clusterName(),
                exchange,
                exchange.getException());
      }
      releaseExchange(exchange, false);
    }
  }
}
