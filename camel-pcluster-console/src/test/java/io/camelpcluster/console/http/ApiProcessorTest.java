package io.camelpcluster.console.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelpcluster.console.security.BasicAuthenticator;
import io.camelpcluster.console.security.CsrfTokens;
import io.camelpcluster.pcluster.api.AccessDeniedException;
import io.camelpcluster.pcluster.api.BadRequestException;
import io.camelpcluster.pcluster.api.NotFoundException;
import io.camelpcluster.pcluster.api.model.ConfigValidationMessage;
import io.camelpcluster.pcluster.api.model.ValidationLevel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** How handler outcomes and failures become HTTP answers. */
class ApiProcessorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ConsoleGuard guard =
      new ConsoleGuard(new BasicAuthenticator(Map.of("alice", "pw")), new CsrfTokens());

  private Exchange run(ApiHandler handler) {
    Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    exchange
        .getMessage()
        .setHeader(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8)));
    new ApiProcessor(guard, false, handler).process(exchange);
    return exchange;
  }

  private static int status(Exchange exchange) {
    return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
  }

  private static JsonNode body(Exchange exchange) throws Exception {
    return JSON.readTree(exchange.getMessage().getBody(String.class));
  }

  @Test
  void answersJsonWithOnlyItsOwnHeaders() throws Exception {
    Exchange exchange = run(r -> Map.of("user", r.principal().name()));
    assertThat(status(exchange)).isEqualTo(200);
    assertThat(body(exchange).path("user").asText()).isEqualTo("alice");
    assertThat(exchange.getMessage().getHeaders())
        .doesNotContainKey("Authorization")
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsKey("Content-Security-Policy");
  }

  @Test
  void unexpectedFailuresHideTheirDetails() throws Exception {
    Exchange exchange =
        run(
            r -> {
              throw new IllegalStateException("jdbc:secret://internal-host");
            });
    assertThat(status(exchange)).isEqualTo(500);
    String text = exchange.getMessage().getBody(String.class);
    assertThat(text).doesNotContain("secret").doesNotContain("IllegalStateException");
    assertThat(body(exchange).path("error").asText()).startsWith("internal error (error id ");
    assertThat(exchange.getException()).isNull();
  }

  @Test
  void refusedConfigurationsCarryTheirValidationMessages() throws Exception {
    BadRequestException refused =
        new BadRequestException(
            "400 from createCluster",
            "createCluster",
            "Invalid cluster configuration.",
            "req-1",
            List.of(
                new ConfigValidationMessage(
                    null, "KeyPairValidator", ValidationLevel.ERROR, "no <key>")),
            List.of(),
            List.of());
    Exchange exchange =
        run(
            r -> {
              throw new CamelExecutionException("wrapped", null, refused);
            });
    assertThat(status(exchange)).isEqualTo(400);
    JsonNode body = body(exchange);
    assertThat(body.path("error").asText()).isEqualTo("Invalid cluster configuration.");
    assertThat(body.path("validationMessages").get(0).path("type").asText())
        .isEqualTo("KeyPairValidator");
    assertThat(body.path("validationMessages").get(0).path("message").asText())
        .isEqualTo("no <key>");
  }

  @Test
  void apiErrorsKeepTheirMeaning() throws Exception {
    assertThat(
            status(
                run(
                    r -> {
                      throw new NotFoundException(
                          "404", "describeCluster", 404, "no cluster x", "r", null);
                    })))
        .isEqualTo(404);
    Exchange denied =
        run(
            r -> {
              throw new AccessDeniedException("403", "listClusters", 403, "bad sig", "r", null);
            });
    assertThat(status(denied)).isEqualTo(502);
    assertThat(body(denied).path("error").asText()).contains("console's own credentials");
    assertThat(status(run(r -> null))).isEqualTo(204);
  }
}
