package io.camelpcluster.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.emulator.PclusterEmulatorExtension;
import io.camelpcluster.pcluster.PclusterComponent;
import io.camelpcluster.pcluster.PclusterConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Camel context with the pcluster component pointed at an in-process emulator, Camel Main's
 * platform-http server on a free port, and the console on it. Keeps every response so that tests
 * can check that no secret was ever sent.
 */
abstract class ConsoleTestSupport extends CamelTestSupport {

  static final String USER = "alice";
  static final String PASSWORD = "correct horse battery staple";
  static final String TOKEN_NAME = "ci";
  static final String TOKEN = "tok-0123456789abcdef0123456789";

  @RegisterExtension
  static final PclusterEmulatorExtension EMULATOR =
      PclusterEmulatorExtension.withConfig(
          EmulatorConfig.builder()
              .createDuration(Duration.ofMillis(400))
              .updateDuration(Duration.ofMillis(400))
              .deleteDuration(Duration.ofMillis(300))
              .fleetTransitionDuration(Duration.ofMillis(300))
              .build());

  static final ObjectMapper JSON = new ObjectMapper();

  final int port = AvailablePortFinder.getNextAvailable();
  final HttpClient http = HttpClient.newHttpClient();
  final List<HttpResponse<String>> responses = new CopyOnWriteArrayList<>();

  /** No answer of any test, headers included, carries a credential or a presigned URL. */
  @AfterEach
  void noSecretWasSent() {
    for (HttpResponse<String> response : responses) {
      String all = response.headers().map() + "\n" + response.body();
      assertThat(all)
          .doesNotContain(EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY)
          .doesNotContain(EmulatorConfig.DEFAULT_ACCESS_KEY_ID)
          .doesNotContain(PASSWORD)
          .doesNotContain(TOKEN)
          .doesNotContain("X-Amz-Signature")
          .doesNotContain("_emulator/s3");
    }
    assertThat(responses).isNotEmpty();
  }

  /** The console's settings; tests override for other set-ups. */
  ConsoleSettings settings() {
    return ConsoleSettings.builder()
        .enabled(true)
        .user(USER, PASSWORD)
        .token(TOKEN_NAME, TOKEN)
        .template("small", "classpath:templates/slurm.yaml")
        .cacheTtl(Duration.ZERO)
        .build();
  }

  /** Further set-up of the component (e.g. head-node access). */
  void configureComponent(PclusterConfiguration configuration) {}

  @Override
  protected CamelContext createCamelContext() throws Exception {
    CamelContext context = super.createCamelContext();
    PclusterConfiguration configuration =
        context.getComponent("pcluster", PclusterComponent.class).getConfiguration();
    configuration.setUriEndpointOverride(emulator().endpoint().toString());
    configuration.setRegion(emulator().region());
    configuration.setAccessKey(EmulatorConfig.DEFAULT_ACCESS_KEY_ID);
    configuration.setSecretKey(EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY);
    configuration.setPollInterval(Duration.ofMillis(50));
    configureComponent(configuration);
    MainHttpServer server = new MainHttpServer();
    server.setCamelContext(context);
    server.setHost("127.0.0.1");
    server.setPort(port);
    server.setPath("/");
    context.addService(server);
    return context;
  }

  @Override
  protected RoutesBuilder createRouteBuilder() {
    return new PclusterConsole(settings());
  }

  static PclusterEmulator emulator() {
    return EMULATOR.emulator();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        http.send(
            request.timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    responses.add(response);
    return response;
  }

  /** GET as alice. */
  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(USER, PASSWORD)));
  }

  JsonNode getJson(String path) throws Exception {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  String csrfToken() throws Exception {
    return getJson("/pcluster/api/session").path("csrfToken").asText();
  }

  /** A state-changing call as alice with her CSRF token. */
  HttpResponse<String> change(String method, String path, Object body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(USER, PASSWORD))
            .header("Content-Type", "application/json")
            .header("X-CSRF-Token", csrfToken())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  JsonNode changeJson(String method, String path, Object body) throws Exception {
    HttpResponse<String> response = change(method, path, body);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  static Map<String, Object> createForm(
      String name, Map<String, Object> overrides, boolean dryRun) {
    return Map.of(
        "clusterName",
        name,
        "template",
        "small",
        "overrides",
        overrides,
        "tags",
        Map.of(),
        "dryRun",
        dryRun);
  }
}
