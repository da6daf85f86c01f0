package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.createBody;
import static io.camelpcluster.emulator.Configs.slurm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clusters that fail to create, and what the API tells about why. */
class CreateFailureTest {
  private static final Duration CREATE = Duration.ofMinutes(10);
  private static final Duration DELETE = Duration.ofMinutes(2);

  private final TestClock clock = TestClock.at("2025-03-01T10:00:00Z");
  private PclusterEmulator emulator;
  private Api api;

  @BeforeEach
  void start() {
    emulator =
        PclusterEmulator.start(
            EmulatorConfig.builder()
                .anonymous(true)
                .clock(clock)
                .createDuration(CREATE)
                .deleteDuration(DELETE)
                .build());
    api = Api.anonymous(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void theFailCreateTagFailsTheBootstrapAndRollsBack() {
    String config =
        slurm(1) + "Tags:\n  - Key: emulator:fail-create\n    Value: HeadNodeBootstrapFailure\n";
    api.post("/v3/clusters", createBody("doomed", config));

    clock.advance(CREATE);
    JsonNode failed = api.get("/v3/clusters/doomed").json();
    assertThat(failed.get("clusterStatus").asText()).isEqualTo("CREATE_FAILED");
    assertThat(failed.get("cloudFormationStackStatus").asText()).isEqualTo("ROLLBACK_IN_PROGRESS");
    assertThat(failed.get("computeFleetStatus").asText()).isEqualTo("UNKNOWN");
    assertThat(failed.get("failures")).hasSize(1);
    assertThat(failed.at("/failures/0/failureCode").asText()).isEqualTo("HeadNodeBootstrapFailure");
    assertThat(failed.at("/failures/0/failureReason").asText())
        .isEqualTo("Cluster creation timed out.");

    clock.advance(DELETE);
    JsonNode rolledBack = api.get("/v3/clusters/doomed").json();
    assertThat(rolledBack.get("cloudFormationStackStatus").asText()).isEqualTo("ROLLBACK_COMPLETE");
    assertThat(rolledBack.get("clusterStatus").asText()).isEqualTo("CREATE_FAILED");
    assertThat(rolledBack.has("headNode")).isFalse();
    assertThat(api.post("/v3/clusters", createBody("doomed", slurm(0))).status()).isEqualTo(400);

    List<String> events = events("doomed");
    assertThat(events.get(0)).isEqualTo("doomed ROLLBACK_COMPLETE");
    assertThat(events)
        .contains(
            "HeadNodeWaitCondition CREATE_FAILED WaitCondition timed out. Received 0 conditions"
                + " when expecting 1",
            "doomed ROLLBACK_IN_PROGRESS The following resource(s) failed to create:"
                + " [HeadNodeWaitCondition]. Rollback requested by user.");
    assertThat(events.get(events.size() - 1)).isEqualTo("doomed CREATE_IN_PROGRESS User Initiated");
  }

  @Test
  void withoutRollbackTheStackStaysCreateFailedWithItsHeadNode() {
    emulator.faults().failNextCreates(1, "OnNodeConfiguredExecutionFailure");
    api.post("/v3/clusters?rollbackOnFailure=false", createBody("kept", slurm(1)));

    clock.advance(CREATE.plus(DELETE));
    JsonNode failed = api.get("/v3/clusters/kept").json();

    assertThat(failed.get("cloudFormationStackStatus").asText()).isEqualTo("CREATE_FAILED");
    assertThat(failed.at("/failures/0/failureCode").asText())
        .isEqualTo("OnNodeConfiguredExecutionFailure");
    assertThat(failed.at("/failures/0/failureReason").asText())
        .isEqualTo("Failed to execute OnNodeConfigured script.");
    assertThat(failed.at("/headNode/state").asText()).isEqualTo("running");
  }

  @Test
  void failNextCreatesCountsClusters() {
    emulator.faults().failNextCreates(2, "EfsMountFailure");
    for (String name : List.of("one", "two", "three")) {
      api.post("/v3/clusters", createBody(name, slurm(0)));
    }

    clock.advance(CREATE);

    assertThat(api.get("/v3/clusters/one").json().get("clusterStatus").asText())
        .isEqualTo("CREATE_FAILED");
    assertThat(api.get("/v3/clusters/two").json().at("/failures/0/failureCode").asText())
        .isEqualTo("EfsMountFailure");
    assertThat(api.get("/v3/clusters/three").json().get("clusterStatus").asText())
        .isEqualTo("CREATE_COMPLETE");
    assertThat(
            ClusterLifecycleTest.names(api.get("/v3/clusters?clusterStatus=CREATE_FAILED").json()))
        .containsExactlyInAnyOrder("one", "two");
  }

  @Test
  void anUnknownComputeInstanceTypeFailsTheCreationWithAResourceEvent() {
    api.post("/v3/clusters", createBody("typo", slurm("c6i.humongous", 0, 4)));

    clock.advance(CREATE);
    JsonNode failed = api.get("/v3/clusters/typo").json();

    assertThat(failed.get("clusterStatus").asText()).isEqualTo("CREATE_FAILED");
    assertThat(failed.at("/failures/0/failureCode").asText()).isEqualTo("ResourceCreationFailure");
    assertThat(events("typo"))
        .anyMatch(
            e ->
                e.startsWith("LaunchTemplateBatchCr1 CREATE_FAILED")
                    && e.contains("The instance type 'c6i.humongous' is not supported"));
  }

  @Test
  void anUnknownHeadNodeInstanceTypeFailsEarlyWithoutAHeadNode() {
    api.post(
        "/v3/clusters",
        createBody(
            "nohead", slurm(0).replace("InstanceType: t3.medium", "InstanceType: t3.giant")));

    clock.advance(CREATE.dividedBy(3));
    JsonNode failed = api.get("/v3/clusters/nohead").json();

    assertThat(failed.get("clusterStatus").asText()).isEqualTo("CREATE_FAILED");
    assertThat(failed.has("headNode")).isFalse();
    assertThat(events("nohead"))
        .anyMatch(e -> e.startsWith("HeadNode CREATE_FAILED") && e.contains("t3.giant"));
  }

  @Test
  void stackEventsTellTheStoryNewestFirstAndPage() {
    emulator.close();
    emulator =
        PclusterEmulator.start(
            EmulatorConfig.builder()
                .anonymous(true)
                .clock(clock)
                .createDuration(CREATE)
                .pageSize(3)
                .build());
    api = Api.anonymous(emulator);
    api.post("/v3/clusters", createBody("story", slurm(0)));
    clock.advance(CREATE);

    List<JsonNode> all = new ArrayList<>();
    String token = null;
    do {
      JsonNode page =
          api.get("/v3/clusters/story/stackevents" + (token == null ? "" : "?nextToken=" + token))
              .json();
      assertThat(page.get("events").size()).isLessThanOrEqualTo(3);
      page.get("events").forEach(all::add);
      token = page.has("nextToken") ? page.get("nextToken").asText() : null;
    } while (token != null);

    assertThat(all.get(0).get("resourceStatus").asText()).isEqualTo("CREATE_COMPLETE");
    assertThat(all.get(0).get("logicalResourceId").asText()).isEqualTo("story");
    assertThat(all.get(all.size() - 1).get("resourceStatusReason").asText())
        .isEqualTo("User Initiated");
    JsonNode event = all.get(0);
    for (String field :
        List.of(
            "stackId",
            "eventId",
            "stackName",
            "logicalResourceId",
            "physicalResourceId",
            "resourceType",
            "timestamp",
            "resourceStatus")) {
      assertThat(event.has(field)).as(field).isTrue();
    }
    assertThat(api.get("/v3/clusters/story/stackevents?nextToken=garbage").status()).isEqualTo(400);
    assertThat(api.get("/v3/clusters/nothing/stackevents").status()).isEqualTo(404);
  }

  private List<String> events(String cluster) {
    List<String> events = new ArrayList<>();
    api.get("/v3/clusters/" + cluster + "/stackevents")
        .json()
        .get("events")
        .forEach(
            e ->
                events.add(
                    (e.get("logicalResourceId").asText()
                            + " "
                            + e.get("resourceStatus").asText()
                            + " "
                            + e.path("resourceStatusReason").asText(""))
                        .trim()));
    return events;
  }
}
