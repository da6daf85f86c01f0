package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.createBody;
import static io.camelpcluster.emulator.Configs.slurm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DescribeClusterInstances and DeleteClusterInstances. */
class InstancesTest {
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
                .pageSize(2)
                .build());
    api = Api.anonymous(emulator);
    api.post("/v3/clusters", createBody("nodes", slurm(3)));
    clock.advance(CREATE);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void theHeadNodeAndTheStaticNodesAreListedPageByPage() {
    List<JsonNode> instances = all("");

    assertThat(instances).hasSize(4);
    JsonNode head = instances.get(0);
    assertThat(head.get("nodeType").asText()).isEqualTo("HeadNode");
    assertThat(head.has("queueName")).isFalse();
    assertThat(head.has("publicIpAddress")).isTrue();
    for (JsonNode node : instances.subList(1, 4)) {
      assertThat(node.get("nodeType").asText()).isEqualTo("ComputeNode");
      assertThat(node.get("queueName").asText()).isEqualTo("batch");
      assertThat(node.get("instanceType").asText()).isEqualTo("c6i.large");
      assertThat(node.get("state").asText()).isEqualTo("running");
      assertThat(node.get("launchTime").asText()).isEqualTo("2025-03-01T10:10:00.000Z");
      assertThat(node.has("publicIpAddress")).isFalse();
      assertThat(node.has("poolName")).isFalse();
    }
    Set<String> addresses = new HashSet<>();
    Set<String> ids = new HashSet<>();
    instances.forEach(
        i -> {
          addresses.add(i.get("privateIpAddress").asText());
          ids.add(i.get("instanceId").asText());
        });
    assertThat(addresses).hasSize(4);
    assertThat(ids).hasSize(4).allMatch(id -> id.matches("i-[0-9a-f]{17}"));
  }

  @Test
  void filtersSelectByNodeTypeAndQueue() {
    assertThat(all("nodeType=HeadNode")).hasSize(1);
    assertThat(all("nodeType=ComputeNode&queueName=batch")).hasSize(3);
    assertThat(all("queueName=other")).isEmpty();
    assertThat(api.get("/v3/clusters/nodes/instances?nodeType=Compute").message())
        .isEqualTo("Bad Request: 'Compute' is not one of ['HeadNode', 'ComputeNode', 'LoginNode']");
  }

  @Test
  void unknownClustersHaveNoInstancesRatherThanA404() {
    Api.Response response = api.get("/v3/clusters/ghost/instances");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("instances")).isEmpty();
  }

  @Test
  void deletingInstancesTerminatesComputeNodesThenSlurmReplacesStaticOnes() {
    Api.Response delete = api.delete("/v3/clusters/nodes/instances");

    assertThat(delete.status()).isEqualTo(202);
    assertThat(delete.body()).isEmpty();
    assertThat(all("nodeType=ComputeNode")).isEmpty();
    assertThat(all("nodeType=HeadNode")).hasSize(1);

    clock.advance(FLEET);
    assertThat(all("nodeType=ComputeNode")).hasSize(3);
  }

  @Test
  void deletingInstancesOfAnUnknownClusterNeedsForce() {
    Api.Response refused = api.delete("/v3/clusters/ghost/instances");
    Api.Response forced = api.delete("/v3/clusters/ghost/instances?force=true");

    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.message())
        .isEqualTo(
            "Cluster 'ghost' does not exist or belongs to an incompatible ParallelCluster major"
                + " version. To force the deletion of all compute nodes, please use the `force`"
                + " param.");
    assertThat(forced.status()).isEqualTo(202);
  }

  @Test
  void awsBatchClustersHaveNoInstancesToDelete() {
    api.post("/v3/clusters", createBody("batch", Configs.awsBatch()));

    Api.Response response = api.delete("/v3/clusters/batch/instances");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message())
        .isEqualTo(
            "Bad Request: the delete cluster instances operation does not support AWS Batch"
                + " clusters.");
  }

  private List<JsonNode> all(String query) {
    List<JsonNode> instances = new ArrayList<>();
    String token = null;
    do {
      String q = query + (token == null ? "" : (query.isEmpty() ? "" : "&") + "nextToken=" + token);
      JsonNode page = api.get("/v3/clusters/nodes/instances" + (q.isEmpty() ? "" : "?" + q)).json();
      page.get("instances").forEach(instances::add);
      token = page.has("nextToken") ? page.get("nextToken").asText() : null;
    } while (token != null);
    return instances;
  }
}
