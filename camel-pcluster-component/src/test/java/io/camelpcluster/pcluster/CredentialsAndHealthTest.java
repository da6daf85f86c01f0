package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.pcluster.api.AccessDeniedException;
import io.camelpcluster.pcluster.api.model.ListClustersResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.junit.jupiter.api.Test;

class CredentialsAndHealthTest extends PclusterTestSupport {

  @Override
  protected CamelContext createCamelContext() throws Exception {
    CamelContext context = super.createCamelContext();
    HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
    registry.setCamelContext(context);
    HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
    producers.setEnabled(true);
    registry.register(producers);
    context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
    return context;
  }

  @Test
  void aWrongSecretFailsWithTheGatewaysAnswer() {
    Exchange exchange = send("pcluster:listClusters?secretKey=not-the-secret", null, Map.of());

    assertThat(exchange.getException())
        .isInstanceOfSatisfying(
            AccessDeniedException.class, e -> assertThat(e.statusCode()).isEqualTo(403))
        .hasMessageContaining("signature");
  }

  @Test
  void sessionCredentialsAreSigned() {
    try (PclusterEmulator withToken =
        PclusterEmulator.start(
            EmulatorConfig.builder()
                .credentials("ASIATEMPORARY0000000", "temp-secret", "the-token")
                .build())) {
      String base =
          "pcluster:listClusters?uriEndpointOverride="
              + withToken.endpoint()
              + "&accessKey=ASIATEMPORARY0000000&secretKey=temp-secret";

      Exchange withSession = send(base + "&sessionToken=the-token", null, Map.of());
      Exchange withoutSession = send(base, null, Map.of());

      assertThat(withSession.getException()).isNull();
      assertThat(withSession.getMessage().getBody()).isInstanceOf(ListClustersResponse.class);
      assertThat(withoutSession.getException()).isInstanceOf(AccessDeniedException.class);
    }
  }

  @Test
  void halfAKeyPairIsAConfigurationError() {
    assertThatThrownBy(
            () -> send("pcluster:listClusters?accessKey=AKIAONLY&secretKey=", null, Map.of()))
        .isInstanceOf(ResolveEndpointFailedException.class)
        .hasMessageContaining("accessKey is set without secretKey");
  }

  @Test
  void secretsAreNotShownInEndpointUrisOrSettings() {
    PclusterEndpoint endpoint =
        context.getEndpoint(
            "pcluster:listClusters?accessKey=AKIAVISIBLE&secretKey=TopSecret123&sessionToken=Tok987",
            PclusterEndpoint.class);

    assertThat(endpoint.toString()).doesNotContain("TopSecret123").doesNotContain("Tok987");
    assertThat(ClientSettings.of(endpoint.getConfiguration()).toString())
        .contains("AKIAVISIBLE")
        .doesNotContain("TopSecret123")
        .doesNotContain("Tok987");
  }

  @Test
  void healthIsUpWhenTheApiAcceptsTheCredentials() throws Exception {
    context.addRoutes(route("direct:good", "pcluster:listClusters"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(pclusterChecks())
                    .singleElement()
                    .satisfies(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP)));
  }

  @Test
  void healthIsDownWithTheMessageWhenTheCredentialsAreRejected() throws Exception {
    context.addRoutes(route("direct:bad", "pcluster:listClusters?secretKey=wrong"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(pclusterChecks())
                    .singleElement()
                    .satisfies(
                        r -> {
                          assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
                          assertThat(r.getMessage())
                              .hasValueSatisfying(m -> assertThat(m).contains("signature"));
                          assertThat(r.getDetails())
                              .containsEntry(AbstractHealthCheck.SERVICE_STATUS_CODE, 403);
                        }));
  }

  @Test
  void healthIsDownWhenTheApiIsUnreachable() throws Exception {
    context.addRoutes(
        route(
            "direct:nowhere",
            "pcluster:listClusters?uriEndpointOverride=http://127.0.0.1:1/prod&maxAttempts=1"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(pclusterChecks())
                    .singleElement()
                    .satisfies(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN)));
  }

  @Test
  void anEndpointWithoutTheApiUrlDoesNotStart() {
    context
        .getComponent("pcluster", PclusterComponent.class)
        .getConfiguration()
        .setUriEndpointOverride(null);

    assertThatThrownBy(() -> context.addRoutes(route("direct:nourl", "pcluster:listClusters")))
        .isInstanceOf(FailedToCreateRouteException.class)
        .hasStackTraceContaining("uriEndpointOverride");
  }

  private Collection<HealthCheck.Result> pclusterChecks() {
    return HealthCheckHelper.invokeReadiness(context).stream()
        .filter(r -> r.getCheck().getId().startsWith("producer:pcluster-"))
        .toList();
  }

  private static RouteBuilder route(String from, String to) {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from(from).to(to);
      }
    };
  }
}
