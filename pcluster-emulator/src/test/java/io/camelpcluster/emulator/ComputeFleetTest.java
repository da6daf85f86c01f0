package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.createBody;
import static io.camelpcluster.emulator.Configs.slurm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DescribeComputeFleet and UpdateComputeFleet, with the fleet's daemon-driven transitions. */
class ComputeFleetTest {
  private static final Duration CREATE = Duration.ofMinutes(10);
  private static final Duration FLEET = Duration.ofMinutes(2);

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
                .fleetTransitionDuration(FLEET)
                .build());
    api = Api.anonymous(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void theFleetIsUnknownWhileCreatingAndRunningAfterwards() {
    api.post("/v3/clusters", createBody("fleet", slurm(2)));

    JsonNode creating = api.get("/v3/clusters/fleet/computefleet").json();
    assertThat(creating.get("status").asText()).isEqualTo("UNKNOWN");
    assertThat(creating.has("lastStatusUpdatedTime")).isFalse();

    clock.advance(CREATE);
    JsonNode running = api.get("/v3/clusters/fleet/computefleet").json();
    assertThat(running.get("status").asText()).isEqualTo("RUNNING");
    assertThat(running.get("lastStatusUpdatedTime").asText()).isEqualTo("2025-03-01T10:10:00.000Z");
  }

  @Test
  void stoppingGoesThroughStopRequestedAndStoppingAndTerminatesComputeNodes() {
    api.post("/v3/clusters", createBody("fleet", slurm(2)));
    clock.advance(CREATE);
    assertThat(computeNodes()).isEqualTo(2);

    Api.Response stop =
        api.patch("/v3/clusters/fleet/computefleet", Map.of("status", "STOP_REQUESTED"));
    assertThat(stop.status()).isEqualTo(200);
    assertThat(stop.json().get("status").asText()).isEqualTo("STOP_REQUESTED");
    assertThat(stop.json().get("lastStatusUpdatedTime").asText())
        .isEqualTo("2025-03-01T10:10:00.000Z");

    clock.advance(FLEET.dividedBy(2));
    assertThat(fleetStatus()).isEqualTo("STOPPING");
    assertThat(computeNodes()).isEqualTo(2);
    clock.advance(FLEET.dividedBy(2));
    assertThat(fleetStatus()).isEqualTo("STOPPED");
    assertThat(computeNodes()).isZero();
    assertThat(api.get("/v3/clusters/fleet").json().get("computeFleetStatus").asText())
        .isEqualTo("STOPPED");

    Api.Response again =
        api.patch("/v3/clusters/fleet/computefleet", Map.of("status", "STOP_REQUESTED"));
    assertThat(again.json().get("status").asText()).isEqualTo("STOPPED");

    Api.Response start =
        api.patch("/v3/clusters/fleet/computefleet", Map.of("status", "START_REQUESTED"));
    assertThat(start.json().get("status").asText()).isEqualTo("START_REQUESTED");
    clock.advance(FLEET.dividedBy(2));
    assertThat(fleetStatus()).isEqualTo("STARTING");
    clock.advance(FLEET.dividedBy(2));
    assertThat(fleetStatus()).isEqualTo("RUNNING");
    assertThat(computeNodes()).isEqualTo(2);
  }

  @Test
  void startWhileRunningIsANoOp() {
    api.post("/v3/clusters", createBody("fleet", slurm(0)));
    clock.advance(CREATE);

    Api.Response start =
        api.patch("/v3/clusters/fleet/computefleet", Map.of("status", "START_REQUESTED"));

    assertThat(start.status()).isEqualTo(200);
    assertThat(start.json().get("status").asText()).isEqualTo("RUNNING");
  }

  @Test
  void theFleetCannotBeChangedWhileTheStackIsCreating() {
    api.post("/v3/clusters", createBody("fleet", slurm(0)));

    Api.Response stop =
        api.patch("/v3/clusters/fleet/computefleet", Map.of("status", "STOP_REQUESTED"));

    assertThat(stop.status()).isEqualTo(400);
    assertThat(stop.message())
        .isEqualTo(
            "Bad Request: Failed when stopping compute fleet with error: Cannot stop/disable"
                + " compute fleet while stack is in CREATE_IN_PROGRESS status.");
  }

  @Test
  void slurmAcceptsOnlyStartAndStopRequests() {
    api.post("/v3/clusters", createBody("fleet", slurm(0)));
    clock.advance(CREATE);

    Api.Response enable = api.patch("/v3/clusters/fleet/computefleet", Map.of("status", "ENABLED"));
    Api.Response running =
        api.patch("/v3/clusters/fleet/computefleet", Map.of("status", "RUNNING"));
    Api.Response missing = api.patch("/v3/clusters/fleet/computefleet", Map.of());

    assertThat(enable.message())
        .isEqualTo(
            "Bad Request: the update compute fleet status can only be set to `START_REQUESTED` or"
                + " `STOP_REQUESTED` for Slurm scheduler clusters.");
    assertThat(running.message())
        .isEqualTo(
            "Bad Request: 'RUNNING' is not one of ['START_REQUESTED', 'STOP_REQUESTED', 'ENABLED',"
                + " 'DISABLED'] - 'status'");
    assertThat(missing.message()).isEqualTo("Bad Request: 'status' is a required property");
  }

  @Test
  void awsBatchClustersAreEnabledOrDisabledAtOnce() {
    api.post("/v3/clusters", createBody("batch", Configs.awsBatch()));
    clock.advance(CREATE);

    JsonNode enabled = api.get("/v3/clusters/batch/computefleet").json();
    assertThat(enabled.get("status").asText()).isEqualTo("ENABLED");
    assertThat(enabled.has("lastStatusUpdatedTime")).isFalse();

    Api.Response disable =
        api.patch("/v3/clusters/batch/computefleet", Map.of("status", "DISABLED"));
    assertThat(disable.json().get("status").asText()).isEqualTo("DISABLED");
    assertThat(
            api.patch("/v3/clusters/batch/computefleet", Map.of("status", "STOP_REQUESTED"))
                .message())
        .endsWith("`ENABLED` or `DISABLED` for AWS Batch scheduler clusters.");
    assertThat(api.get("/v3/clusters/batch").json().at("/scheduler/type").asText())
        .isEqualTo("awsbatch");
  }

  @Test
  void unknownClustersAre404() {
    assertThat(api.get("/v3/clusters/ghost/computefleet").status()).isEqualTo(404);
    assertThat(
            api.patch("/v3/clusters/ghost/computefleet", Map.of("status", "STOP_REQUESTED"))
                .status())
        .isEqualTo(404);
  }

  private String fleetStatus() {
    return api.get("/v3/clusters/fleet/computefleet").json().get("status").asText();
  }

  private int computeNodes() {
    return api.get("/v3/clusters/fleet/instances?nodeType=ComputeNode")
        .json()
        .get("instances")
        .size();
  }
}
