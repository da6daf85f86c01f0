package io.camelpcluster.benchmarks;

import io.camelpcluster.pcluster.PclusterComponent;
import io.camelpcluster.pcluster.PclusterConfiguration;
import io.camelpcluster.pcluster.PclusterConstants;
import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * Waits through a Camel route, {@code direct:waitCluster -> pcluster:waitCluster}, each exchange
 * sent asynchronously (as a route would hand it on), so that what parks or not is the component.
 * The component gets the client as a bean ({@code pclusterClient}): the emulator's clock jumps, so
 * the client must sign with that clock; that client's retry scheduler is one more thread.
 */
final class CamelRun {
  private final Duration interval;
  private final Phase phase;
  private final int pageSize;

  CamelRun(Duration interval, int pageSize, int window) {
    this.interval = interval;
    this.pageSize = pageSize;
    this.phase = new Phase(interval, pageSize, window);
  }

  Phase.Result run(int n) throws Exception {
    try (EmulatedClusters clusters = new EmulatedClusters(n, pageSize)) {
      System.out.printf("N=%,d: creating the clusters%n", n);
      Instant[] created = clusters.create();
      CamelContext camel = new DefaultCamelContext();
      camel.start();
      ThreadCensus before = ThreadCensus.take();
      ScheduledThreadPoolExecutor retries =
          new ScheduledThreadPoolExecutor(1, EmulatedClusters.named("pcluster-client-retries-"));
      try (ParallelClusterAsyncClient client = clusters.client(retries)) {
        PclusterComponent component = new PclusterComponent();
        PclusterConfiguration configuration = component.getConfiguration();
        configuration.setPclusterClient(client);
        configuration.setRegion(clusters.emulator.region());
        configuration.setPollInterval(interval);
        configuration.setWaitTimeout(Duration.ofHours(1));
        camel.addComponent("pcluster", component);
        camel.addRoutes(
            new RouteBuilder() {
              @Override
              public void configure() {
                from("direct:waitCluster").to("pcluster:waitCluster?targetStatus=CREATE_COMPLETE");
              }
            });
        AsyncProducer producer = camel.getEndpoint("direct:waitCluster").createAsyncProducer();
        producer.start();
        return phase.run(
            clusters, "create, Camel route", created, i -> send(camel, producer, i), before);
      } finally {
        camel.stop();
        retries.shutdownNow();
      }
    }
  }

  private static CompletableFuture<Exchange> send(
      CamelContext camel, AsyncProducer producer, int i) {
    Exchange exchange = new DefaultExchange(camel);
    exchange.getMessage().setHeader(PclusterConstants.CLUSTER_NAME, EmulatedClusters.name(i));
    CompletableFuture<Exchange> done = new CompletableFuture<>();
    producer.process(
        exchange,
        doneSync -> {
          Object status = exchange.getMessage().getHeader(PclusterConstants.CLUSTER_STATUS);
          if (exchange.getException() != null) {
            done.completeExceptionally(exchange.getException());
          } else if (status != ClusterStatus.CREATE_COMPLETE) {
            done.completeExceptionally(new IllegalStateException("ended with status " + status));
          } else {
            done.complete(exchange);
          }
        });
    return done;
  }
}
