package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import io.camelpcluster.pcluster.api.model.ListClustersResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class ComponentConfigurationTest extends PclusterTestSupport {

  @Test
  void endpointsStartFromTheComponentsConfigurationAndLeaveItUnchanged() {
    PclusterConfiguration component =
        context.getComponent("pcluster", PclusterComponent.class).getConfiguration();
    component.setClusterTags(Map.of("owner", "platform"));

    PclusterEndpoint endpoint =
        context.getEndpoint(
            "pcluster:createCluster?region=eu-west-1&clusterTags.workflow=wf-9&waitTimeout=90s",
            PclusterEndpoint.class);

    PclusterConfiguration configuration = endpoint.getConfiguration();
    assertThat(configuration.getOperation()).isEqualTo(PclusterOperations.createCluster);
    assertThat(configuration.getUriEndpointOverride())
        .isEqualTo(component.getUriEndpointOverride());
    assertThat(configuration.getRegion()).isEqualTo("eu-west-1");
    assertThat(configuration.getWaitTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(configuration.getClusterTags())
        .containsEntry("owner", "platform")
        .containsEntry("workflow", "wf-9");
    assertThat(component.getRegion()).isEqualTo(emulator().region());
    assertThat(component.getClusterTags()).containsOnlyKeys("owner");
  }

  @Test
  void durationsAcceptCamelAndIsoForms() {
    PclusterConfiguration configuration =
        context
            .getEndpoint(
                "pcluster:waitCluster?pollInterval=PT2S&waitTimeout=1h30m&connectTimeout=1500",
                PclusterEndpoint.class)
            .getConfiguration();

    assertThat(configuration.getPollInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(configuration.getWaitTimeout()).isEqualTo(Duration.ofMinutes(90));
    assertThat(configuration.getConnectTimeout()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void clusterTagsAsCommaSeparatedPairs() {
    PclusterConfiguration configuration =
        context
            .getEndpoint(
                "pcluster:clusterEvents?clusterTags=team=hpc,owner=alice", PclusterEndpoint.class)
            .getConfiguration();

    assertThat(configuration.getClusterTags())
        .containsEntry("team", "hpc")
        .containsEntry("owner", "alice");
    assertThatThrownBy(() -> context.getEndpoint("pcluster:clusterEvents?clusterTags=team"))
        .isInstanceOf(ResolveEndpointFailedException.class)
        .hasMessageContaining("key=value");
  }

  @Test
  void endpointsWithTheSameConnectionShareAClient() {
    PclusterEndpoint first = started("pcluster:listClusters");
    PclusterEndpoint second = started("pcluster:describeCluster?clusterName=x");
    PclusterEndpoint otherRegion = started("pcluster:listClusters?region=eu-west-1");

    assertThat(first.getClient()).isSameAs(second.getClient());
    assertThat(otherRegion.getClient()).isNotSameAs(first.getClient());
  }

  @Test
  void aClientBeanIsAutowiredAndNotClosedByTheComponent() {
    ParallelClusterAsyncClient bean =
        ParallelClusterAsyncClient.builder()
            .endpoint(emulator().endpoint())
            .region(emulator().region())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        EmulatorConfig.DEFAULT_ACCESS_KEY_ID,
                        EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY)))
            .buildAsync();
    try (bean) {
      context.getRegistry().bind("pclusterClient", bean);
      context.removeComponent("pcluster");
      PclusterComponent fresh = context.getComponent("pcluster", PclusterComponent.class);
      fresh.getConfiguration().setRegion(emulator().region());

      Exchange exchange = send("pcluster:listClusters", null, Map.of());
      PclusterEndpoint named = started("pcluster:listClusters?pclusterClient=#bean:pclusterClient");
      context.stop();

      assertThat(fresh.getConfiguration().getUriEndpointOverride()).isNull();
      assertThat(exchange.getException()).isNull();
      assertThat(exchange.getMessage().getBody()).isInstanceOf(ListClustersResponse.class);
      assertThat(named.getConfiguration().getPclusterClient()).isSameAs(bean);
      assertThat(bean.listClusters(ListClustersRequest.all()).join().clusters()).isNotNull();
    }
  }

  @Test
  void anUnknownOperationListsTheKnownOnes() {
    assertThatThrownBy(() -> context.getEndpoint("pcluster:createClusterz"))
        .isInstanceOf(ResolveEndpointFailedException.class)
        .hasMessageContaining("createCluster, describeCluster");
  }

  @Test
  void clusterEventsIsNotAProducer() {
    assertThatThrownBy(() -> template.sendBody("pcluster:clusterEvents", null))
        .hasStackTraceContaining("clusterEvents is a consumer operation");
  }

  @Test
  void theWorkerPoolSizeMustBePositive() {
    PclusterComponent component = context.getComponent("pcluster", PclusterComponent.class);

    assertThatThrownBy(() -> component.setWorkerPoolSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workerPoolSize");
  }

  @Test
  void invalidRetrySettingsNameTheOptions() {
    assertThatThrownBy(() -> send("pcluster:listClusters?maxAttempts=0", null, Map.of()))
        .hasMessageContaining("maxAttempts");
  }

  private PclusterEndpoint started(String uri) {
    PclusterEndpoint endpoint = context.getEndpoint(uri, PclusterEndpoint.class);
    try {
      endpoint.start();
    } catch (RuntimeException e) {
      throw new AssertionError("could not start " + uri, e);
    }
    return endpoint;
  }
}
