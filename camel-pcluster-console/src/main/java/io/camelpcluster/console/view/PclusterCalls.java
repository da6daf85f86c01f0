package io.camelpcluster.console.view;

import io.camelpcluster.pcluster.PclusterConstants;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;

/**
 * Calls {@code pcluster:} endpoints with the application's component configuration (its
 * credentials, region and head-node access). Each call is a fresh exchange holding only the headers
 * given here: nothing of the browser's request reaches the component.
 */
public final class PclusterCalls {

  private final ProducerTemplate template;

  public PclusterCalls(ProducerTemplate template) {
    this.template = template;
  }

  /** Runs an operation and returns the answer's message; a failure is thrown as it is. */
  public Message call(String uri, Map<String, Object> headers, Object body) throws Exception {
    Exchange exchange = template.send(uri, prepare(headers, body));
    if (exchange.getException() != null) {
      throw exchange.getException();
    }
    return exchange.getMessage();
  }

  /** Runs an operation on a cluster. */
  public Message onCluster(String uri, String clusterName, Map<String, Object> headers)
      throws Exception {
    Map<String, Object> all = new HashMap<>(headers);
    all.put(PclusterConstants.CLUSTER_NAME, clusterName);
    return call(uri, all, null);
  }

  /** The same without waiting, for calls made side by side. */
  public CompletableFuture<Message> onClusterAsync(String uri, String clusterName) {
    return template
        .asyncSend(uri, prepare(Map.of(PclusterConstants.CLUSTER_NAME, clusterName), null))
        .thenApply(
            exchange -> {
              if (exchange.getException() != null) {
                throw new java.util.concurrent.CompletionException(exchange.getException());
              }
              return exchange.getMessage();
            });
  }

  private static org.apache.camel.Processor prepare(Map<String, Object> headers, Object body) {
    return exchange -> {
      exchange.getMessage().setHeaders(new HashMap<>(headers));
      exchange.getMessage().setBody(body);
    };
  }
}
