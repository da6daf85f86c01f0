package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.createBody;
import static io.camelpcluster.emulator.Configs.slurm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ListClusterLogStreams and GetClusterLogEvents, with CloudWatch's token semantics. */
class LogsTest {
  private static final Duration CREATE = Duration.ofMinutes(10);
  private static final Duration FLEET = Duration.ofMinutes(2);

  private final TestClock clock = TestClock.at("2025-03-01T10:00:00Z");
  private PclusterEmulator emulator;
  private Api api;
  private String headDns;
  private String headId;

  @BeforeEach
  void start() {
    emulator =
        PclusterEmulator.start(
            EmulatorConfig.builder()
                .anonymous(true)
                .clock(clock)
                .createDuration(CREATE)
                .fleetTransitionDuration(FLEET)
                .build());
    api = Api.anonymous(emulator);
    api.post("/v3/clusters", createBody("logs", slurm(1)));
    clock.advance(CREATE);
    JsonNode head = api.get("/v3/clusters/logs").json().get("headNode");
    headDns = "ip-" + head.get("privateIpAddress").asText().replace('.', '-');
    headId = head.get("instanceId").asText();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void everyNodeHasStreamsNamedAfterItsDnsNameAndInstanceId() {
    JsonNode streams = api.get("/v3/clusters/logs/logstreams").json().get("logStreams");

    List<String> names = new ArrayList<>();
    streams.forEach(s -> names.add(s.get("logStreamName").asText()));
    assertThat(names)
        .contains(
            headDns + "." + headId + ".cfn-init",
            headDns + "." + headId + ".chef-client",
            headDns + "." + headId + ".clustermgtd",
            headDns + "." + headId + ".slurmctld");
    assertThat(names).anyMatch(n -> n.endsWith(".computemgtd"));
    JsonNode stream = streams.get(0);
    assertThat(stream.get("logStreamArn").asText())
        .startsWith(
            "arn:aws:logs:us-east-1:123456789012:log-group:/aws/parallelcluster/logs-202503011000:log-stream:");
    for (String field :
        List.of(
            "creationTime",
            "firstEventTimestamp",
            "lastEventTimestamp",
            "lastIngestionTime",
            "uploadSequenceToken")) {
      assertThat(stream.has(field)).as(field).isTrue();
    }
  }

  @Test
  void filtersSelectTheHeadNodeOrAPrivateDnsName() {
    assertThat(streamNames("Name=node-type,Values=HeadNode"))
        .allMatch(n -> n.startsWith(headDns + "."));
    assertThat(streamNames("Name=private-dns-name,Values=" + headDns))
        .isNotEmpty()
        .allMatch(n -> n.startsWith(headDns + "."));
    assertThat(streamNames("Name=private-dns-name,Values=ip-10-9-9-9")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '#',
      value = {
        "Name=wrong,Values=x#Bad Request: provided filters parameter 'Name=wrong,Values=x' must be in"
            + " the form ^(Name=(private-dns-name|node-type),Values=[\\w\\-_.,]+)$.",
        "Name=private-dns-name,Values=a,b#Bad Request: Filter private-dns-name doesn't accept comma"
            + " separated strings as value.",
        "Name=node-type,Values=ComputeNode#Bad Request: The only accepted value for Node Type filter"
            + " is 'HeadNode'.",
        "Name=node-type,Values=HeadNode Name=private-dns-name,Values=ip-10-0-0-10#Bad Request: Private"
            + " DNS Name and Node Type filters cannot be set at the same time.",
      })
  void badFiltersAre400(String filters, String message) {
    Api.Response response =
        api.get(
            "/v3/clusters/logs/logstreams?filters="
                + URLEncoder.encode(filters, StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message()).isEqualTo(message);
  }

  @Test
  void theForwardTokenRepeatsAtTheEndAndNewEventsShowUpBehindIt() {
    String stream = headDns + "." + headId + ".clustermgtd";
    String path = "/v3/clusters/logs/logstreams/" + stream;

    JsonNode first = api.get(path + "?startFromHead=true&limit=1").json();
    assertThat(first.get("events")).hasSize(1);
    assertThat(first.at("/events/0/timestamp").asText()).isEqualTo("2025-03-01T10:10:00.000Z");
    List<String> messages = new ArrayList<>();
    first.get("events").forEach(e -> messages.add(e.get("message").asText()));
    String token = first.get("nextToken").asText();
    while (true) {
      JsonNode page = api.get(path + "?limit=1&nextToken=" + token).json();
      page.get("events").forEach(e -> messages.add(e.get("message").asText()));
      if (page.get("nextToken").asText().equals(token)) {
        assertThat(page.get("events")).isEmpty();
        break;
      }
      token = page.get("nextToken").asText();
    }
    assertThat(messages).hasSizeGreaterThanOrEqualTo(3);

    api.patch("/v3/clusters/logs/computefleet", Map.of("status", "STOP_REQUESTED"));
    JsonNode newer = api.get(path + "?nextToken=" + token).json();
    assertThat(newer.get("events")).isNotEmpty();
    assertThat(newer.at("/events/0/message").asText()).contains("RUNNING to STOP_REQUESTED");
  }

  @Test
  void withoutStartFromHeadTheNewestEventsComeBack() {
    String path = "/v3/clusters/logs/logstreams/" + headDns + "." + headId + ".cfn-init";

    JsonNode all = api.get(path + "?startFromHead=True").json();
    JsonNode newest = api.get(path + "?limit=1").json();

    JsonNode events = all.get("events");
    assertThat(newest.at("/events/0/message").asText())
        .isEqualTo(events.get(events.size() - 1).get("message").asText());
    assertThat(newest.has("prevToken")).isTrue();
  }

  @Test
  void timeBoundsSelectEventsAndAreValidated() {
    String path = "/v3/clusters/logs/logstreams/" + headDns + "." + headId + ".cfn-init";

    JsonNode early = api.get(path + "?endTime=2025-03-01T10:06:00Z&startFromHead=true").json();
    JsonNode late = api.get(path + "?startTime=2025-03-01T10:06:00%2B00:00").json();

    assertThat(early.get("events"))
        .allMatch(e -> e.get("timestamp").asText().startsWith("2025-03-01T10:05"));
    assertThat(late.get("events"))
        .allMatch(e -> e.get("timestamp").asText().startsWith("2025-03-01T10:10"));
    assertThat(api.get(path + "?startTime=2025-03-01").status()).isEqualTo(200);
    assertThat(api.get(path + "?startTime=yesterday").message())
        .isEqualTo(
            "Bad Request: start_time filter must be in the ISO 8601 format: YYYY-MM-DDThh:mm:ssZ."
                + " (e.g. 1984-09-15T19:20:30Z or 1984-09-15).");
    assertThat(api.get(path + "?startTime=2025-03-02&endTime=2025-03-01").message())
        .isEqualTo("Bad Request: start_time filter must be earlier than end_time filter.");
    assertThat(api.get(path + "?limit=0").message())
        .isEqualTo("Bad Request: 'limit' must be a positive integer.");
    assertThat(api.get(path + "?limit=ten").message())
        .isEqualTo("Bad Request: Wrong type, expected 'integer' for query parameter 'limit'");
    assertThat(api.get(path + "?nextToken=f%2Fbogus").status()).isEqualTo(400);
  }

  @Test
  void missingStreamsAndClustersAre404() {
    Api.Response stream = api.get("/v3/clusters/logs/logstreams/ip-1-2-3-4.i-0.cfn-init");

    assertThat(stream.status()).isEqualTo(404);
    assertThat(stream.message())
        .isEqualTo("The specified log stream ip-1-2-3-4.i-0.cfn-init does not exist.");
    assertThat(api.get("/v3/clusters/ghost/logstreams").status()).isEqualTo(404);
  }

  @Test
  void clustersWithoutCloudWatchHaveNoLogs() {
    String config = slurm(0) + "Monitoring:\n  Logs:\n    CloudWatch:\n      Enabled: false\n";
    api.post("/v3/clusters", createBody("quiet", config));

    Api.Response streams = api.get("/v3/clusters/quiet/logstreams");
    Api.Response events = api.get("/v3/clusters/quiet/logstreams/anything");

    assertThat(streams.status()).isEqualTo(400);
    assertThat(streams.message())
        .isEqualTo("Bad Request: CloudWatch logging is not enabled for cluster quiet.");
    assertThat(events.status()).isEqualTo(400);
  }

  private List<String> streamNames(String filters) {
    List<String> names = new ArrayList<>();
    api.get(
            "/v3/clusters/logs/logstreams?filters="
                + URLEncoder.encode(filters, StandardCharsets.UTF_8))
        .json()
        .get("logStreams")
        .forEach(s -> names.add(s.get("logStreamName").asText()));
    return names;
  }
}
