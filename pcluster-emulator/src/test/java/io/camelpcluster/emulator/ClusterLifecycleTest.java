package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.createBody;
import static io.camelpcluster.emulator.Configs.slurm;
import static io.camelpcluster.emulator.Configs.updateBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Create, describe, list, update and delete a cluster, driving time by hand. */
class ClusterLifecycleTest {
  private static final Duration CREATE = Duration.ofMinutes(10);
  private static final Duration UPDATE = Duration.ofMinutes(5);
  private static final Duration DELETE = Duration.ofMinutes(3);

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
                .deleteDuration(DELETE)
                .fleetTransitionDuration(Duration.ofMinutes(2))
                .build());
    api = Api.anonymous(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void createAnswers202WithTheSummaryInProgress() {
    Api.Response response = api.post("/v3/clusters", createBody("demo", slurm(2)));

    assertThat(response.status()).isEqualTo(202);
    JsonNode cluster = response.json().get("cluster");
    assertThat(cluster.get("clusterName").asText()).isEqualTo("demo");
    assertThat(cluster.get("region").asText()).isEqualTo("us-east-1");
    assertThat(cluster.get("version").asText()).isEqualTo("3.12.0");
    assertThat(cluster.get("clusterStatus").asText()).isEqualTo("CREATE_IN_PROGRESS");
    assertThat(cluster.get("cloudformationStackStatus").asText()).isEqualTo("CREATE_IN_PROGRESS");
    assertThat(cluster.get("cloudformationStackArn").asText())
        .matches("arn:aws:cloudformation:us-east-1:\\d{12}:stack/demo/[0-9a-f-]{36}");
    assertThat(cluster.at("/scheduler/type").asText()).isEqualTo("slurm");
    assertThat(response.json().has("validationMessages")).isFalse();
    assertThat(response.body()).doesNotContain("null");
  }

  @Test
  void describeFollowsTheCreationThenReportsTheRunningCluster() {
    api.post("/v3/clusters", createBody("demo", slurm(2)));

    JsonNode creating = api.get("/v3/clusters/demo").json();
    assertThat(creating.get("cloudFormationStackStatus").asText()).isEqualTo("CREATE_IN_PROGRESS");
    assertThat(creating.has("cloudformationStackStatus")).isFalse();
    assertThat(creating.get("computeFleetStatus").asText()).isEqualTo("UNKNOWN");
    assertThat(creating.get("creationTime").asText()).isEqualTo("2025-03-01T10:00:00.000Z");
    assertThat(creating.get("lastUpdatedTime").asText()).isEqualTo("2025-03-01T10:00:00.000Z");
    assertThat(creating.at("/headNode/state").asText()).isEqualTo("pending");
    assertThat(creating.has("failures")).isFalse();

    clock.advance(CREATE);
    JsonNode created = api.get("/v3/clusters/demo").json();
    assertThat(created.get("clusterStatus").asText()).isEqualTo("CREATE_COMPLETE");
    assertThat(created.get("cloudFormationStackStatus").asText()).isEqualTo("CREATE_COMPLETE");
    assertThat(created.get("computeFleetStatus").asText()).isEqualTo("RUNNING");
    JsonNode head = created.get("headNode");
    assertThat(head.get("instanceId").asText()).matches("i-[0-9a-f]{17}");
    assertThat(head.get("instanceType").asText()).isEqualTo("t3.medium");
    assertThat(head.get("privateIpAddress").asText()).startsWith("10.");
    assertThat(head.get("publicIpAddress").asText()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    assertThat(head.get("state").asText()).isEqualTo("running");
    assertThat(tags(created))
        .contains("parallelcluster:version=3.12.0", "parallelcluster:cluster-name=demo");
    assertThat(created.at("/clusterConfiguration/url").asText()).contains("X-Amz-Signature=");
  }

  @Test
  void theConfigurationUrlServesTheYamlAsSubmittedWithoutSigV4() {
    String yaml = "# my comment\n" + slurm(0);
    api.post("/v3/clusters", createBody("demo", yaml));

    String url = api.get("/v3/clusters/demo").json().at("/clusterConfiguration/url").asText();
    Api.Response object = Api.fetch(url);

    assertThat(object.status()).isEqualTo(200);
    assertThat(object.body()).isEqualTo(yaml);
    assertThat(
            Api.fetch(url.replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=00")).status())
        .isEqualTo(403);
    clock.advance(Duration.ofSeconds(3601));
    assertThat(Api.fetch(url).status()).isEqualTo(403);
  }

  @Test
  void listShowsClustersOfTheRegionFilteredByStatus() {
    api.post("/v3/clusters", createBody("first", slurm(0)));
    clock.advance(CREATE);
    api.post("/v3/clusters", createBody("second", slurm(0)));
    api.post("/v3/clusters?region=eu-west-1", createBody("elsewhere", slurm(0)));

    assertThat(names(api.get("/v3/clusters").json())).containsExactly("second", "first");
    assertThat(names(api.get("/v3/clusters?clusterStatus=CREATE_COMPLETE").json()))
        .containsExactly("first");
    assertThat(
            names(
                api.get(
                        "/v3/clusters?clusterStatus=CREATE_COMPLETE&clusterStatus=CREATE_IN_PROGRESS")
                    .json()))
        .containsExactly("second", "first");
    assertThat(names(api.get("/v3/clusters?region=eu-west-1").json())).containsExactly("elsewhere");
    assertThat(api.get("/v3/clusters").json().has("nextToken")).isFalse();
  }

  @Test
  void createOnAnExistingNameIs400NotConflict() {
    api.post("/v3/clusters", createBody("demo", slurm(0)));

    Api.Response again = api.post("/v3/clusters", createBody("demo", slurm(0)));

    assertThat(again.status()).isEqualTo(400);
    assertThat(again.message()).isEqualTo("Bad Request: Cluster demo already exists.");
  }

  @Test
  void updateComputesTheChangeSetAndAppliesTheNewConfiguration() {
    api.post("/v3/clusters", createBody("demo", slurm(1)));
    clock.advance(CREATE);

    Api.Response update = api.put("/v3/clusters/demo", updateBody(slurm("c6i.large", 2, 16)));

    assertThat(update.status()).isEqualTo(202);
    assertThat(update.json().at("/cluster/clusterStatus").asText()).isEqualTo("UPDATE_IN_PROGRESS");
    assertThat(update.json().at("/cluster/cloudformationStackStatus").asText())
        .isEqualTo("UPDATE_IN_PROGRESS");
    List<String> changes = new ArrayList<>();
    update
        .json()
        .get("changeSet")
        .forEach(
            c ->
                changes.add(
                    c.get("parameter").asText()
                        + ":"
                        + c.get("currentValue").asText()
                        + "->"
                        + c.get("requestedValue").asText()));
    assertThat(changes)
        .containsExactly(
            "Scheduling.SlurmQueues[batch].ComputeResources[cr1].MinCount:1->2",
            "Scheduling.SlurmQueues[batch].ComputeResources[cr1].MaxCount:8->16");

    Api.Response busy = api.put("/v3/clusters/demo", updateBody(slurm("c6i.large", 3, 16)));
    assertThat(busy.status()).isEqualTo(409);
    assertThat(busy.message())
        .isEqualTo("Cannot execute update while stack is in UPDATE_IN_PROGRESS status.");

    clock.advance(UPDATE);
    JsonNode updated = api.get("/v3/clusters/demo").json();
    assertThat(updated.get("clusterStatus").asText()).isEqualTo("UPDATE_COMPLETE");
    assertThat(updated.get("lastUpdatedTime").asText()).isEqualTo("2025-03-01T10:10:00.000Z");
    assertThat(Api.fetch(updated.at("/clusterConfiguration/url").asText()).body())
        .contains("MaxCount: 16");
    assertThat(api.get("/v3/clusters/demo/instances?nodeType=ComputeNode").json().get("instances"))
        .hasSize(2);
  }

  @Test
  void updateWithoutChangesIs400UnlessForced() {
    api.post("/v3/clusters", createBody("demo", slurm(1)));
    clock.advance(CREATE);

    Api.Response same = api.put("/v3/clusters/demo", updateBody(slurm(1)));
    assertThat(same.status()).isEqualTo(400);
    assertThat(same.message())
        .isEqualTo("Bad Request: No changes found in your cluster configuration.");

    Api.Response forced = api.put("/v3/clusters/demo?forceUpdate=true", updateBody(slurm(1)));
    assertThat(forced.status()).isEqualTo(202);
    assertThat(forced.json().get("changeSet")).isEmpty();
  }

  @Test
  void deleteIsIdempotentAndTheClusterDisappears() {
    api.post("/v3/clusters", createBody("demo", slurm(1)));
    clock.advance(CREATE);

    Api.Response delete = api.delete("/v3/clusters/demo");
    assertThat(delete.status()).isEqualTo(202);
    assertThat(delete.json().at("/cluster/clusterStatus").asText()).isEqualTo("DELETE_IN_PROGRESS");
    assertThat(api.delete("/v3/clusters/demo").status()).isEqualTo(202);

    JsonNode deleting = api.get("/v3/clusters/demo").json();
    assertThat(deleting.get("clusterStatus").asText()).isEqualTo("DELETE_IN_PROGRESS");
    assertThat(deleting.get("computeFleetStatus").asText()).isEqualTo("UNKNOWN");
    assertThat(deleting.has("headNode")).isFalse();

    clock.advance(DELETE);
    Api.Response gone = api.get("/v3/clusters/demo");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.message())
        .isEqualTo(
            "Cluster 'demo' does not exist or belongs to an incompatible ParallelCluster major"
                + " version.");
    assertThat(names(api.get("/v3/clusters").json())).isEmpty();
    Api.Response deleteAgain = api.delete("/v3/clusters/demo");
    assertThat(deleteAgain.status()).isEqualTo(404);
    assertThat(deleteAgain.message()).endsWith("please use the DeleteClusterInstances API.");
    assertThat(api.post("/v3/clusters", createBody("demo", slurm(0))).status()).isEqualTo(202);
  }

  @Test
  void deleteIsAllowedWhileCreating() {
    api.post("/v3/clusters", createBody("demo", slurm(1)));

    assertThat(api.delete("/v3/clusters/demo").status()).isEqualTo(202);
    clock.advance(CREATE);

    assertThat(api.get("/v3/clusters/demo").status()).isEqualTo(404);
  }

  static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.get("clusters").forEach(c -> names.add(c.get("clusterName").asText()));
    return names;
  }

  static List<String> tags(JsonNode describe) {
    List<String> tags = new ArrayList<>();
    describe
        .get("tags")
        .forEach(t -> tags.add(t.get("key").asText() + "=" + t.get("value").asText()));
    return tags;
  }
}
