package io.camelpcluster.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cluster side of the REST API against the emulator: list, details, create, fleet, delete. */
class ClusterApiTest extends ConsoleTestSupport {

  @Test
  void createsFromTemplateWatchesItAndDeletesIt() throws Exception {
    JsonNode created =
        changeJson(
            "POST",
            "/pcluster/api/clusters",
            createForm(
                "web-1",
                Map.of("Scheduling.SlurmQueues[batch].ComputeResources[0].MaxCount", "4"),
                false));
    assertThat(created.path("clusterName").asText()).isEqualTo("web-1");
    assertThat(created.path("status").asText()).isEqualTo("CREATE_IN_PROGRESS");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(getJson("/pcluster/api/clusters/web-1").path("status").asText())
                    .isEqualTo("CREATE_COMPLETE"));

    JsonNode row = clusterRow("web-1");
    assertThat(row.path("region").asText()).isEqualTo(emulator().region());
    assertThat(row.path("scheduler").asText()).isEqualTo("slurm");
    assertThat(row.path("creationTime").asText()).isNotEmpty();
    assertThat(row.path("queues")).extracting(JsonNode::asText).containsExactly("batch", "debug");
    assertThat(row.path("tags").path("camel-pcluster:console-user").asText()).isEqualTo(USER);
    assertThat(row.path("headNode").path("instanceType").asText()).isEqualTo("t3.medium");
    assertThat(row.path("computeFleetStatus").asText()).isEqualTo("RUNNING");

    String yaml = getJson("/pcluster/api/clusters/web-1/configuration").path("yaml").asText();
    assertThat(yaml).contains("MaxCount: 4").contains("Name: batch");

    JsonNode instances = getJson("/pcluster/api/clusters/web-1/instances");
    assertThat(instances)
        .extracting(i -> i.path("nodeType").asText())
        .contains("HeadNode", "ComputeNode");

    JsonNode events = getJson("/pcluster/api/clusters/web-1/stack-events");
    assertThat(events).isNotEmpty();
    assertThat(events.get(0).path("resourceStatus").asText()).isNotEmpty();

    JsonNode streams = getJson("/pcluster/api/clusters/web-1/log-streams");
    assertThat(streams).isNotEmpty();
    String stream = streams.get(0).path("logStreamName").asText();
    JsonNode logEvents =
        getJson(
            "/pcluster/api/clusters/web-1/log-events?limit=5&stream="
                + java.net.URLEncoder.encode(stream, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(logEvents.size()).isBetween(1, 5);

    HttpResponse<String> wrongConfirmation =
        change("DELETE", "/pcluster/api/clusters/web-1", Map.of("confirm", "web-"));
    assertThat(wrongConfirmation.statusCode()).isEqualTo(400);
    assertThat(getJson("/pcluster/api/clusters/web-1").path("status").asText())
        .isEqualTo("CREATE_COMPLETE");

    JsonNode deleted =
        changeJson("DELETE", "/pcluster/api/clusters/web-1", Map.of("confirm", "web-1"));
    assertThat(deleted.path("clusterStatus").asText()).isEqualTo("DELETE_IN_PROGRESS");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(get("/pcluster/api/clusters/web-1").statusCode()).isEqualTo(404));
    assertThat(names(getJson("/pcluster/api/clusters"))).doesNotContain("web-1");
  }

  @Test
  void dryRunReturnsTheValidationMessages() throws Exception {
    HttpResponse<String> invalid =
        change(
            "POST",
            "/pcluster/api/clusters",
            createForm(
                "dry-1",
                Map.of(
                    "Scheduling.SlurmQueues[batch].ComputeResources[0].InstanceType", "c6g.large"),
                true));
    assertThat(invalid.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(invalid.body());
    assertThat(error.path("error").asText()).isNotBlank();
    assertThat(error.path("validationMessages")).isNotEmpty();
    JsonNode first = error.path("validationMessages").get(0);
    assertThat(first.path("level").asText()).isEqualTo("ERROR");
    assertThat(first.path("type").asText()).isNotBlank();
    assertThat(first.path("message").asText()).isNotBlank();

    JsonNode valid =
        changeJson("POST", "/pcluster/api/clusters", createForm("dry-2", Map.of(), true));
    assertThat(valid.path("dryRun").asBoolean()).isTrue();
    assertThat(valid.path("message").asText()).contains("DryRun");
    assertThat(names(getJson("/pcluster/api/clusters"))).doesNotContain("dry-1", "dry-2");
  }

  @Test
  void refusesUnknownTemplatesAndBadOverrides() throws Exception {
    Map<String, Object> unknownTemplate =
        Map.of("clusterName", "t-1", "template", "file:/etc/passwd", "dryRun", true);
    HttpResponse<String> refused = change("POST", "/pcluster/api/clusters", unknownTemplate);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("unknown template").doesNotContain("root:");

    HttpResponse<String> nested =
        change(
            "POST",
            "/pcluster/api/clusters",
            createForm("t-2", Map.of("Tags", Map.of("a", "b")), true));
    assertThat(nested.statusCode()).isEqualTo(400);

    HttpResponse<String> badName =
        change("POST", "/pcluster/api/clusters", createForm("bad name;rm -rf /", Map.of(), true));
    assertThat(badName.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badName.body()).path("error").asText()).contains("cluster name");

    HttpResponse<String> notJson =
        send(
            java.net.http.HttpRequest.newBuilder(uri("/pcluster/api/clusters"))
                .header("Authorization", basic(USER, PASSWORD))
                .header("X-CSRF-Token", csrfToken())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json")));
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).startsWith("{").doesNotContain("at com.fasterxml");
  }

  @Test
  void stopsAndStartsTheComputeFleet() throws Exception {
    createAndWait("fleet-1");
    JsonNode stop =
        changeJson("POST", "/pcluster/api/clusters/fleet-1/fleet", Map.of("action", "stop"));
    assertThat(stop.path("status").asText()).isEqualTo("STOP_REQUESTED");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        getJson("/pcluster/api/clusters/fleet-1")
                            .path("computeFleetStatus")
                            .asText())
                    .isEqualTo("STOPPED"));
    JsonNode start =
        changeJson("POST", "/pcluster/api/clusters/fleet-1/fleet", Map.of("action", "start"));
    assertThat(start.path("status").asText()).isEqualTo("START_REQUESTED");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        getJson("/pcluster/api/clusters/fleet-1")
                            .path("computeFleetStatus")
                            .asText())
                    .isEqualTo("RUNNING"));
    assertThat(
            change("POST", "/pcluster/api/clusters/fleet-1/fleet", Map.of("action", "reboot"))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void hostileTagsComeBackAsPlainJsonData() throws Exception {
    String script = "<script>alert('x')</script>";
    String img = "\"><img src=x onerror=alert(1)>\n&a *a !!python/object {HeadNode: x}";
    Map<String, Object> form =
        Map.of(
            "clusterName",
            "hostile-1",
            "template",
            "small",
            "overrides",
            Map.of(),
            "tags",
            Map.of("owner", script, "note", img + " ${env:HOME} $(id) `id`"),
            "dryRun",
            false);
    changeJson("POST", "/pcluster/api/clusters", form);
    JsonNode tags = clusterRow("hostile-1").path("tags");
    assertThat(tags.path("owner").asText()).isEqualTo(script);
    assertThat(tags.path("note").asText()).isEqualTo(img + " ${env:HOME} $(id) `id`");
    HttpResponse<String> list = get("/pcluster/api/clusters");
    assertThat(list.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(list.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void unknownClusterIsA404AndHostileNamesA400() throws Exception {
    HttpResponse<String> missing = get("/pcluster/api/clusters/no-such-cluster");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(missing.body()).path("error").asText()).isNotBlank();
    HttpResponse<String> hostile = get("/pcluster/api/clusters/a%3Cscript%3E");
    assertThat(hostile.statusCode()).isEqualTo(400);
    assertThat(hostile.body()).doesNotContain("<script>");
  }

  @Test
  void hostileInputsGetClearErrors() throws Exception {
    String huge = "a".repeat(10_000);
    HttpResponse<String> longName =
        change("POST", "/pcluster/api/clusters", createForm(huge, Map.of(), true));
    assertThat(longName.statusCode()).isEqualTo(400);
    assertThat(longName.body()).doesNotContain(huge);
    for (String name : List.of("ünïcode", "a\nb", "a b", "-lead", "a;id", "")) {
      assertThat(
              change("POST", "/pcluster/api/clusters", createForm(name, Map.of(), true))
                  .statusCode())
          .as(name)
          .isEqualTo(400);
    }
    HttpResponse<String> longPath =
        change("POST", "/pcluster/api/clusters", createForm("ok-1", Map.of(huge, "1"), true));
    assertThat(longPath.statusCode()).isEqualTo(400);
    HttpResponse<String> badStream =
        get("/pcluster/api/clusters/ok-3/log-events?stream=" + "x%0Ay");
    assertThat(badStream.statusCode()).isEqualTo(400);
    HttpResponse<String> badLimit = get("/pcluster/api/clusters/ok-3/log-events?stream=s&limit=0");
    assertThat(badLimit.statusCode()).isEqualTo(400);
    String tooBig = "{\"confirm\":\"" + "x".repeat(1024 * 1024) + "\"}";
    HttpResponse<String> large =
        send(
            java.net.http.HttpRequest.newBuilder(uri("/pcluster/api/clusters/ok-3"))
                .header("Authorization", basic(USER, PASSWORD))
                .header("X-CSRF-Token", csrfToken())
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString(tooBig)));
    assertThat(large.statusCode()).isEqualTo(413);
  }

  private void createAndWait(String name) throws Exception {
    changeJson("POST", "/pcluster/api/clusters", createForm(name, Map.of(), false));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(getJson("/pcluster/api/clusters/" + name).path("status").asText())
                    .isEqualTo("CREATE_COMPLETE"));
  }

  private JsonNode clusterRow(String name) throws Exception {
    for (JsonNode row : getJson("/pcluster/api/clusters")) {
      if (row.path("name").asText().equals(name)) {
        return row;
      }
    }
    throw new AssertionError(name + " is not listed");
  }

  private static List<String> names(JsonNode clusters) {
    List<String> names = new ArrayList<>();
    clusters.forEach(c -> names.add(c.path("name").asText()));
    return names;
  }
}
