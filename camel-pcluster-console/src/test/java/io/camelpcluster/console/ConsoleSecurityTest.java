package io.camelpcluster.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authentication, CSRF, origin checks and security headers of the console's HTTP surface. */
class ConsoleSecurityTest extends ConsoleTestSupport {

  private static final String CREATE = "/pcluster/api/clusters";

  @Test
  void apiNeedsAuthentication() throws Exception {
    HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/pcluster/api/clusters")));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().allValues("WWW-Authenticate"))
        .anySatisfy(v -> assertThat(v).startsWith("Basic realm="))
        .anySatisfy(v -> assertThat(v).startsWith("Bearer realm="));
    assertThat(JSON.readTree(anonymous.body()).path("error").asText())
        .isEqualTo("authentication required");
    assertSecurityHeaders(anonymous);

    assertThat(
            send(HttpRequest.newBuilder(uri("/pcluster/api/session"))
                    .header("Authorization", basic(USER, "wrong password")))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            send(HttpRequest.newBuilder(uri("/pcluster/api/session"))
                    .header("Authorization", basic("mallory", PASSWORD)))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            send(HttpRequest.newBuilder(uri("/pcluster/api/session"))
                    .header("Authorization", "Bearer " + TOKEN + "x"))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            send(HttpRequest.newBuilder(uri("/pcluster/api/session"))
                    .header("Authorization", "Basic %%%not-base64"))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void basicUsersAndBearerTokensSignIn() throws Exception {
    JsonNode alice = getJson("/pcluster/api/session");
    assertThat(alice.path("user").asText()).isEqualTo(USER);
    assertThat(alice.path("csrfToken").asText()).hasSizeGreaterThan(20);

    HttpResponse<String> ci =
        send(
            HttpRequest.newBuilder(uri("/pcluster/api/session"))
                .header("Authorization", "Bearer " + TOKEN));
    assertThat(ci.statusCode()).isEqualTo(200);
    JsonNode session = JSON.readTree(ci.body());
    assertThat(session.path("user").asText()).isEqualTo(TOKEN_NAME);
    assertThat(session.path("csrfToken").asText()).isNotEqualTo(alice.path("csrfToken").asText());
  }

  @Test
  void changesNeedTheCsrfTokenOfTheSamePrincipal() throws Exception {
    Map<String, Object> form = createForm("csrf-1", Map.of(), true);
    String body = JSON.writeValueAsString(form);

    HttpResponse<String> missing =
        send(
            HttpRequest.newBuilder(uri(CREATE))
                .header("Authorization", basic(USER, PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(missing.body()).path("error").asText()).contains("CSRF");

    HttpResponse<String> wrong =
        send(
            HttpRequest.newBuilder(uri(CREATE))
                .header("Authorization", basic(USER, PASSWORD))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", "AAAA" + csrfToken().substring(4))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(wrong.statusCode()).isEqualTo(403);

    String tokenOfCi =
        JSON.readTree(
                send(HttpRequest.newBuilder(uri("/pcluster/api/session"))
                        .header("Authorization", "Bearer " + TOKEN))
                    .body())
            .path("csrfToken")
            .asText();
    HttpResponse<String> otherPrincipals =
        send(
            HttpRequest.newBuilder(uri(CREATE))
                .header("Authorization", basic(USER, PASSWORD))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", tokenOfCi)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(otherPrincipals.statusCode()).isEqualTo(403);

    HttpResponse<String> deleteWithout =
        send(
            HttpRequest.newBuilder(uri("/pcluster/api/clusters/csrf-1"))
                .header("Authorization", basic(USER, PASSWORD))
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"confirm\":\"csrf-1\"}")));
    assertThat(deleteWithout.statusCode()).isEqualTo(403);

    HttpResponse<String> unauthenticated =
        send(
            HttpRequest.newBuilder(uri(CREATE))
                .header("X-CSRF-Token", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(unauthenticated.statusCode()).isEqualTo(401);

    HttpResponse<String> good = change("POST", CREATE, form);
    assertThat(good.statusCode()).isEqualTo(200);
  }

  @Test
  void changesFromAnotherOriginAreRefused() throws Exception {
    String body = JSON.writeValueAsString(createForm("origin-1", Map.of(), true));
    HttpResponse<String> foreign =
        send(
            HttpRequest.newBuilder(uri(CREATE))
                .header("Authorization", basic(USER, PASSWORD))
                .header("X-CSRF-Token", csrfToken())
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.body()).contains("Origin");

    HttpResponse<String> own =
        send(
            HttpRequest.newBuilder(uri(CREATE))
                .header("Authorization", basic(USER, PASSWORD))
                .header("X-CSRF-Token", csrfToken())
                .header("Origin", "http://127.0.0.1:" + port)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(own.statusCode()).isEqualTo(200);
  }

  @Test
  void requestHeadersAreNeverEchoed() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/pcluster/api/session"))
                .header("Authorization", basic(USER, PASSWORD))
                .header("X-Probe", "echo-me"));
    assertThat(response.headers().map().keySet())
        .noneMatch(name -> name.equalsIgnoreCase("Authorization"))
        .noneMatch(name -> name.equalsIgnoreCase("X-Probe"));
    assertThat(response.headers().map().toString()).doesNotContain("echo-me");
    assertSecurityHeaders(response);
  }

  @Test
  void theUiIsServedWithItsSecurityHeaders() throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/pcluster")));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body())
        .contains("<meta name=\"pcluster-api\" content=\"/pcluster/api\">")
        .contains("src=\"/pcluster/ui/app.js\"")
        .doesNotContain("{{")
        .doesNotContain("<script>");
    assertSecurityHeaders(page);

    HttpResponse<String> script = send(HttpRequest.newBuilder(uri("/pcluster/ui/app.js")));
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(script.body()).doesNotContain("innerHTML").doesNotContain("eval(");

    assertThat(send(HttpRequest.newBuilder(uri("/pcluster/ui/app.css"))).statusCode())
        .isEqualTo(200);
    assertThat(send(HttpRequest.newBuilder(uri("/pcluster/ui/..%2F..%2Fpom.xml"))).statusCode())
        .isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder(uri("/pcluster/ui/PclusterConsole.class"))).statusCode())
        .isEqualTo(404);
  }

  @Test
  void openApiDocumentListsThePaths() throws Exception {
    HttpResponse<String> doc = send(HttpRequest.newBuilder(uri("/pcluster/api/openapi.json")));
    assertThat(doc.statusCode()).isEqualTo(200);
    JsonNode paths = JSON.readTree(doc.body()).path("paths");
    assertThat(paths.has("/pcluster/api/clusters")).isTrue();
    assertThat(paths.has("/pcluster/api/clusters/{name}")).isTrue();
    assertThat(paths.has("/pcluster/api/clusters/{name}/jobs")).isTrue();
    assertThat(paths.has("/pcluster/api/clusters/{name}/fleet")).isTrue();
    assertThat(paths.has("/pcluster/api/session")).isTrue();
    assertThat(paths.path("/pcluster/api/clusters").has("post")).isTrue();
  }

  private static void assertSecurityHeaders(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }
}
