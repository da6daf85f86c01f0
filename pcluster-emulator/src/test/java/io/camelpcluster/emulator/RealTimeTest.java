package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.createBody;
import static io.camelpcluster.emulator.Configs.slurm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On the system clock, with short durations, clusters move along by themselves. */
class RealTimeTest {

  @Test
  void createStopAndDeleteWithShortDurations() {
    try (PclusterEmulator emulator =
        PclusterEmulator.start(
            EmulatorConfig.builder()
                .anonymous(true)
                .createDuration(Duration.ofMillis(300))
                .fleetTransitionDuration(Duration.ofMillis(200))
                .deleteDuration(Duration.ofMillis(200))
                .build())) {
      Api api = Api.anonymous(emulator);
      api.post("/v3/clusters", createBody("quick", slurm(1)));

      await().atMost(Duration.ofSeconds(10)).until(() -> status(api).equals("CREATE_COMPLETE"));
      api.patch("/v3/clusters/quick/computefleet", Map.of("status", "STOP_REQUESTED"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  api.get("/v3/clusters/quick/computefleet")
                      .json()
                      .get("status")
                      .asText()
                      .equals("STOPPED"));
      api.delete("/v3/clusters/quick");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> api.get("/v3/clusters/quick").status() == 404);

      assertThat(api.get("/v3/clusters").json().get("clusters")).isEmpty();
    }
  }

  private static String status(Api api) {
    return api.get("/v3/clusters/quick").json().get("clusterStatus").asText();
  }
}
