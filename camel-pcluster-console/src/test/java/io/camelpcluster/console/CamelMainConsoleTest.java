package io.camelpcluster.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console in a Camel Main application, enabled and configured by properties only. */
class CamelMainConsoleTest {

  @RegisterExtension
  static final PclusterEmulatorExtension EMULATOR =
      PclusterEmulatorExtension.withConfig(EmulatorConfig.builder().build());

  private final int port = AvailablePortFinder.getNextAvailable();
  private final HttpClient http = HttpClient.newHttpClient();
  private Main main;

  @AfterEach
  void stop() {
    if (main != null) {
      main.stop();
    }
  }

  private void start(boolean enabled) {
    main = new Main();
    main.addInitialProperty("camel.main.routes-builder-classes", PclusterConsole.class.getName());
    main.addInitialProperty("camel.server.enabled", "true");
    main.addInitialProperty("camel.server.host", "127.0.0.1");
    main.addInitialProperty("camel.server.port", String.valueOf(port));
    main.addInitialProperty(
        "camel.component.pcluster.uriEndpointOverride", EMULATOR.emulator().endpoint().toString());
    main.addInitialProperty("camel.component.pcluster.region", EMULATOR.emulator().region());
    main.addInitialProperty(
        "camel.component.pcluster.accessKey", EmulatorConfig.DEFAULT_ACCESS_KEY_ID);
    main.addInitialProperty(
        "camel.component.pcluster.secretKey", EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY);
    main.addInitialProperty("camel.pcluster.console.enabled", String.valueOf(enabled));
    main.addInitialProperty("camel.pcluster.console.users.alice", "main-password-1");
    main.addInitialProperty(
        "camel.pcluster.console.templates.small", "classpath:templates/slurm.yaml");
    main.start();
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheConsoleWhenEnabledByProperties() throws Exception {
    start(true);
    String alice = ConsoleTestSupport.basic("alice", "main-password-1");
    HttpResponse<String> clusters = get("/pcluster/api/clusters", alice);
    assertThat(clusters.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(clusters.body()).isArray()).isTrue();
    JsonNode templates = new ObjectMapper().readTree(get("/pcluster/api/templates", alice).body());
    assertThat(templates.get(0).path("name").asText()).isEqualTo("small");
    assertThat(templates.toString()).doesNotContain("classpath:");
    assertThat(get("/pcluster/api/clusters", null).statusCode()).isEqualTo(401);
    assertThat(get("/pcluster", null).statusCode()).isEqualTo(200);
    assertThat(get("/pcluster/api/openapi.json", null).body()).contains("/pcluster/api/clusters");
  }

  @Test
  void servesNothingUnlessEnabled() throws Exception {
    start(false);
    assertThat(get("/pcluster", null).statusCode()).isEqualTo(404);
    assertThat(
            get("/pcluster/api/clusters", ConsoleTestSupport.basic("alice", "main-password-1"))
                .statusCode())
        .isEqualTo(404);
  }
}
