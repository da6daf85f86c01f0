package io.camelpcluster.examples.pipeline;

import static io.camelpcluster.examples.pipeline.DemoTestSupport.assumeLocalSlurm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo serves the web console ({@code --console PORT}) while it watches the bucket: the
 * sample's run shows up there, for the demo user only; Ctrl-C (SIGTERM) stops it.
 */
class DemoConsoleTest {
  private static final Pattern PASSWORD = Pattern.compile("user demo, password ([0-9a-f]{24})");

  @TempDir Path dir;
  private DemoProcess demo;

  @AfterEach
  void kill() throws Exception {
    if (demo != null && demo.isAlive()) {
      demo.kill();
    }
  }

  @Test
  void theConsoleShowsTheSamplesRunToTheDemoUserOnly() throws Exception {
    assumeLocalSlurm();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    demo =
        DemoProcess.start(
            List.of("--data-dir", dir.toString(), "--console", String.valueOf(port)),
            Map.of(),
            dir.resolve("demo.log"));
    String password =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  Matcher m = PASSWORD.matcher(demo.log());
                  return m.find() ? m.group(1) : null;
                },
                p -> p != null);
    HttpClient http = HttpClient.newHttpClient();
    URI runs = URI.create("http://127.0.0.1:" + port + "/pcluster/api/pipeline-runs");
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("demo:" + password).getBytes(StandardCharsets.UTF_8));

    JsonNode listed =
        await()
            .atMost(Duration.ofMinutes(2))
            .ignoreExceptions()
            .until(
                () ->
                    new ObjectMapper()
                        .readTree(
                            http.send(
                                    HttpRequest.newBuilder(runs)
                                        .header("Authorization", basic)
                                        .build(),
                                    HttpResponse.BodyHandlers.ofString())
                                .body()),
                json -> json.size() == 1 && "SUCCEEDED".equals(json.get(0).path("state").asText()));
    assertThat(listed.get(0).path("input").path("key").asText())
        .startsWith("inputs/lighthouse-keeper-");
    assertThat(
            http.send(HttpRequest.newBuilder(runs).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(401);

    // a JVM ended by SIGTERM exits with 128 + 15 once its shutdown hooks (Camel's stop) are done
    assertThat(demo.stop(Duration.ofSeconds(60))).as(demo.log()).isIn(0, 143);
  }
}
