package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.buildBody;
import static io.camelpcluster.emulator.Configs.createBody;
import static io.camelpcluster.emulator.Configs.image;
import static io.camelpcluster.emulator.Configs.slurm;
import static io.camelpcluster.emulator.Configs.updateBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a state directory, everything survives a restart. */
class PersistenceTest {
  private static final Duration CREATE = Duration.ofMinutes(10);
  private static final Duration FLEET = Duration.ofMinutes(2);

  private final TestClock clock = TestClock.at("2025-03-01T10:00:00Z");

  @TempDir Path stateDir;

  @Test
  void clustersImagesLogsAndFleetsSurviveARestart() {
    JsonNode before;
    String yaml = "# original text\n" + slurm(2);
    try (PclusterEmulator first = start()) {
      Api api = Api.anonymous(first);
      api.post("/v3/clusters", createBody("durable", yaml));
      api.post("/v3/clusters", createBody("halfway", slurm(0)));
      api.post("/v3/images/custom", buildBody("durable-image", image()));
      clock.advance(CREATE);
      api.patch("/v3/clusters/durable/computefleet", Map.of("status", "STOP_REQUESTED"));
      before = api.get("/v3/clusters/durable").json();
    }
    assertThat(stateDir.resolve("state.json")).exists();
    assertThat(stateDir).isDirectoryNotContaining("glob:**.tmp");

    try (PclusterEmulator second = start()) {
      Api api = Api.anonymous(second);
      JsonNode after = api.get("/v3/clusters/durable").json();
      assertThat(after.get("clusterStatus").asText()).isEqualTo("CREATE_COMPLETE");
      assertThat(after.get("cloudformationStackArn"))
          .isEqualTo(before.get("cloudformationStackArn"));
      assertThat(after.get("headNode")).isEqualTo(before.get("headNode"));
      assertThat(after.get("tags")).isEqualTo(before.get("tags"));
      assertThat(after.get("computeFleetStatus").asText()).isEqualTo("STOP_REQUESTED");
      assertThat(Api.fetch(after.at("/clusterConfiguration/url").asText()).body()).isEqualTo(yaml);
      assertThat(api.get("/v3/clusters/durable/logstreams").json().get("logStreams")).isNotEmpty();
      assertThat(api.get("/v3/clusters/durable/stackevents").json().get("events"))
          .hasSizeGreaterThan(3);
      assertThat(ClusterLifecycleTest.names(api.get("/v3/clusters").json()))
          .containsExactlyInAnyOrder("durable", "halfway");

      clock.advance(FLEET);
      assertThat(api.get("/v3/clusters/durable/computefleet").json().get("status").asText())
          .isEqualTo("STOPPED");
      assertThat(
              api.get("/v3/clusters/durable/instances?nodeType=ComputeNode")
                  .json()
                  .get("instances"))
          .isEmpty();
      assertThat(api.get("/v3/images/custom/durable-image").json().get("imageBuildStatus").asText())
          .isEqualTo("BUILD_IN_PROGRESS");
      assertThat(api.put("/v3/clusters/durable", updateBody(slurm(3))).status()).isEqualTo(202);
    }

    try (PclusterEmulator third = start()) {
      assertThat(
              Api.anonymous(third).get("/v3/clusters/durable").json().get("clusterStatus").asText())
          .isEqualTo("UPDATE_IN_PROGRESS");
    }
  }

  @Test
  void withoutAStateDirectoryNothingIsKept() throws Exception {
    try (PclusterEmulator first =
        PclusterEmulator.start(EmulatorConfig.builder().anonymous(true).build())) {
      Api.anonymous(first).post("/v3/clusters", createBody("ephemeral", slurm(0)));
    }
    try (PclusterEmulator second =
        PclusterEmulator.start(EmulatorConfig.builder().anonymous(true).build())) {
      assertThat(Api.anonymous(second).get("/v3/clusters/ephemeral").status()).isEqualTo(404);
    }
    try (var files = Files.list(stateDir)) {
      assertThat(files).isEmpty();
    }
  }

  private PclusterEmulator start() {
    return PclusterEmulator.start(
        EmulatorConfig.builder()
            .anonymous(true)
            .clock(clock)
            .createDuration(CREATE)
            .fleetTransitionDuration(FLEET)
            .imageBuildDuration(Duration.ofHours(1))
            .stateDir(stateDir)
            .build());
  }
}
