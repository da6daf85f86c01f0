package io.camelpcluster.pcluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.emulator.PclusterEmulatorExtension;
import io.camelpcluster.pcluster.api.SafeYaml;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camel tests against one emulator per test class, with short state durations. The component is
 * configured at component level (endpoint, region, the emulator's credentials, fast polling).
 */
abstract class PclusterTestSupport extends CamelTestSupport {

  @RegisterExtension
  static final PclusterEmulatorExtension EMULATOR =
      PclusterEmulatorExtension.withConfig(
          EmulatorConfig.builder()
              .createDuration(Duration.ofMillis(400))
              .updateDuration(Duration.ofMillis(400))
              .deleteDuration(Duration.ofMillis(300))
              .imageBuildDuration(Duration.ofMillis(400))
              .fleetTransitionDuration(Duration.ofMillis(300))
              .build());

  private static final AtomicInteger NAMES = new AtomicInteger();

  @Override
  protected CamelContext createCamelContext() throws Exception {
    CamelContext context = super.createCamelContext();
    PclusterComponent component = context.getComponent("pcluster", PclusterComponent.class);
    PclusterConfiguration configuration = component.getConfiguration();
    configuration.setUriEndpointOverride(emulator().endpoint().toString());
    configuration.setRegion(emulator().region());
    configuration.setAccessKey(EmulatorConfig.DEFAULT_ACCESS_KEY_ID);
    configuration.setSecretKey(EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY);
    configuration.setPollInterval(Duration.ofMillis(50));
    configuration.setWaitTimeout(Duration.ofSeconds(20));
    return context;
  }

  static PclusterEmulator emulator() {
    return EMULATOR.emulator();
  }

  /** A cluster name not used before in this JVM. */
  static String uniqueName(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  /** Sends to an endpoint and returns the exchange (its exception is not thrown). */
  Exchange send(String uri, Object body, Map<String, Object> headers) {
    return template.send(
        uri,
        exchange -> {
          exchange.getMessage().setBody(body);
          exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
  }

  /** Creates a cluster through the component and waits until it is CREATE_COMPLETE. */
  String createdCluster(String prefix) {
    String name = uniqueName(prefix);
    Exchange created =
        send(
            "pcluster:createCluster?waitForCompletion=true",
            ClusterYaml.slurm(1),
            Map.of(PclusterConstants.CLUSTER_NAME, name));
    if (created.getException() != null) {
      throw new AssertionError("could not create " + name, created.getException());
    }
    return name;
  }

  /** The cluster status the emulator reports now, through a client of the component. */
  ClusterStatus statusOf(String clusterName) {
    return context
        .getEndpoint("pcluster:describeCluster", PclusterEndpoint.class)
        .getClient()
        .describeCluster(DescribeClusterRequest.of(clusterName))
        .join()
        .clusterStatus();
  }

  /** The configuration the emulator stored for a cluster, fetched from its presigned URL. */
  ObjectNode storedConfiguration(String clusterName) throws Exception {
    String url =
        context
            .getEndpoint("pcluster:describeCluster", PclusterEndpoint.class)
            .getClient()
            .describeCluster(DescribeClusterRequest.of(clusterName))
            .join()
            .clusterConfiguration()
            .url();
    String yaml =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return SafeYaml.parseMapping(yaml);
  }
}
