package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.createBody;
import static io.camelpcluster.emulator.Configs.slurm;
import static io.camelpcluster.emulator.Configs.updateBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UpdateCluster's checks: update policies, fleet state, dry runs, change sets. */
class UpdateClusterTest {
  private static final Duration CREATE = Duration.ofMinutes(10);
  private static final Duration UPDATE = Duration.ofMinutes(4);
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
                .updateDuration(UPDATE)
                .fleetTransitionDuration(FLEET)
                .build());
    api = Api.anonymous(emulator);
    api.post("/v3/clusters", createBody("upd", slurm(1)));
    clock.advance(CREATE);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aComputeInstanceTypeChangeNeedsTheFleetStopped() {
    Api.Response refused = api.put("/v3/clusters/upd", updateBody(slurm("c7i.large", 1, 8)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).isEqualTo("Update failure");
    JsonNode error = refused.json().get("updateValidationErrors").get(0);
    assertThat(error.get("parameter").asText())
        .isEqualTo("Scheduling.SlurmQueues[batch].ComputeResources[cr1].InstanceType");
    assertThat(error.get("currentValue").asText()).isEqualTo("c6i.large");
    assertThat(error.get("requestedValue").asText()).isEqualTo("c7i.large");
    assertThat(error.get("message").asText()).startsWith("All compute nodes must be stopped");
    assertThat(refused.json().get("changeSet")).hasSize(1);

    api.patch("/v3/clusters/upd/computefleet", Map.of("status", "STOP_REQUESTED"));
    clock.advance(FLEET);
    Api.Response accepted = api.put("/v3/clusters/upd", updateBody(slurm("c7i.large", 1, 8)));
    assertThat(accepted.status()).isEqualTo(202);
  }

  @Test
  void forceUpdateIgnoresThePolicyAndReplacesTheNodes() {
    Api.Response forced =
        api.put("/v3/clusters/upd?forceUpdate=true", updateBody(slurm("c7i.large", 1, 8)));
    assertThat(forced.status()).isEqualTo(202);

    clock.advance(UPDATE);
    JsonNode node =
        api.get("/v3/clusters/upd/instances?nodeType=ComputeNode").json().at("/instances/0");
    assertThat(node.get("instanceType").asText()).isEqualTo("c7i.large");
    assertThat(node.get("queueName").asText()).isEqualTo("batch");
  }

  @Test
  void aQueueUpdateStrategyAllowsQueueChangesWithARunningFleet() {
    String config =
        slurm("c7i.large", 1, 8)
            .replace(
                "  Scheduler: slurm\n",
                "  Scheduler: slurm\n  SlurmSettings:\n    QueueUpdateStrategy: DRAIN\n");

    Api.Response accepted = api.put("/v3/clusters/upd", updateBody(config));

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().get("changeSet")).hasSize(2);
  }

  @Test
  void scaledownIdletimeNeedsTheFleetStoppedEvenWithAStrategy() {
    String config =
        slurm(1)
            .replace(
                "  Scheduler: slurm\n",
                "  Scheduler: slurm\n  SlurmSettings:\n    QueueUpdateStrategy: DRAIN\n"
                    + "    ScaledownIdletime: 30\n");

    Api.Response refused = api.put("/v3/clusters/upd", updateBody(config));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("updateValidationErrors").toString())
        .contains("Scheduling.SlurmSettings.ScaledownIdletime");
  }

  @Test
  void theHeadNodeInstanceTypeCanNeverChange() {
    Api.Response refused =
        api.put(
            "/v3/clusters/upd?forceUpdate=false",
            updateBody(slurm(1).replace("t3.medium", "t3.large")));

    assertThat(refused.status()).isEqualTo(400);
    JsonNode error = refused.json().at("/updateValidationErrors/0");
    assertThat(error.get("parameter").asText()).isEqualTo("HeadNode.InstanceType");
    assertThat(error.get("message").asText())
        .startsWith("Update actions are not currently supported for the 'HeadNode.InstanceType'");
  }

  @Test
  void addedAndRemovedItemsShowAsDashes() {
    String twoQueues =
        slurm(1)
            + """
                - Name: extra
                  Networking:
                    SubnetIds:
                      - subnet-0a1b2c3d4e5f67890
                  ComputeResources:
                    - Name: big
                      InstanceType: m7i.xlarge
            """;
    Api.Response added = api.put("/v3/clusters/upd?dryrun=true", updateBody(twoQueues));

    assertThat(added.status()).isEqualTo(412);
    assertThat(added.message()).isEqualTo("Request would have succeeded, but DryRun flag is set.");
    JsonNode change = added.json().at("/changeSet/0");
    assertThat(change.get("parameter").asText()).isEqualTo("Scheduling.SlurmQueues[extra]");
    assertThat(change.get("currentValue").asText()).isEqualTo("-");
    assertThat(change.get("requestedValue").asText()).contains("\"Name\":\"extra\"");
    assertThat(api.get("/v3/clusters/upd").json().get("clusterStatus").asText())
        .isEqualTo("CREATE_COMPLETE");
  }

  @Test
  void invalidConfigurationsAre400WithTheirErrors() {
    Api.Response response = api.put("/v3/clusters/upd", updateBody("Image:\n  Os: alinux2023\n"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message()).isEqualTo("Invalid cluster configuration.");
    assertThat(response.json().at("/configurationValidationErrors/0/type").asText())
        .isEqualTo("ConfigSchemaValidator");
  }

  @Test
  void unknownClustersAndEmptyConfigurations() {
    assertThat(api.put("/v3/clusters/ghost", updateBody(slurm(1))).status()).isEqualTo(404);
    assertThat(api.put("/v3/clusters/upd", updateBody("")).message())
        .isEqualTo("Bad Request: configuration is required and cannot be empty");
    assertThat(api.put("/v3/clusters/upd", Map.of()).message())
        .isEqualTo("Bad Request: 'clusterConfiguration' is a required property");
  }

  @Test
  void aFailedClusterCannotBeUpdated() {
    emulator.faults().failNextCreates(1, "HeadNodeBootstrapFailure");
    api.post("/v3/clusters?rollbackOnFailure=false", createBody("broken", slurm(1)));
    clock.advance(CREATE);

    Api.Response response = api.put("/v3/clusters/broken", updateBody(slurm(2)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message()).contains("is in CREATE_FAILED state and can not be updated.");
  }
}
