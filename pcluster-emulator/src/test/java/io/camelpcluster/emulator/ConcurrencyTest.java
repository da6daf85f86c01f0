package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.createBody;
import static io.camelpcluster.emulator.Configs.slurm;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A thousand concurrent requests are all answered, and answered correctly. */
class ConcurrencyTest {
  @RegisterExtension
  static final PclusterEmulatorExtension EMULATOR = new PclusterEmulatorExtension();

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aThousandConcurrentSignedRequests() {
    Api api = Api.signed(EMULATOR.emulator());
    assertThat(api.post("/v3/clusters", createBody("seed", slurm(1))).status()).isEqualTo(202);

    record Expectation(CompletableFuture<Api.Response> response, int status, String contains) {}
    List<Expectation> expectations = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      switch (i % 4) {
        case 0 ->
            expectations.add(
                new Expectation(
                    api.sendAsync("POST", "/v3/clusters", createBody("c" + i, slurm(0))),
                    202,
                    "\"clusterName\":\"c" + i + "\""));
        case 1 ->
            expectations.add(
                new Expectation(
                    api.sendAsync("GET", "/v3/clusters/seed", null),
                    200,
                    "\"clusterName\":\"seed\""));
        case 2 ->
            expectations.add(
                new Expectation(
                    api.sendAsync("GET", "/v3/clusters/missing" + i, null),
                    404,
                    "'missing" + i + "' does not exist"));
        default ->
            expectations.add(
                new Expectation(
                    api.sendAsync("GET", "/v3/images/official?os=rocky9", null), 200, "rocky9"));
      }
    }
    CompletableFuture.allOf(
            expectations.stream().map(Expectation::response).toArray(CompletableFuture[]::new))
        .join();

    for (Expectation expectation : expectations) {
      Api.Response response = expectation.response().join();
      assertThat(response.status()).isEqualTo(expectation.status());
      assertThat(response.body()).contains(expectation.contains());
    }
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      var page = api.get("/v3/clusters" + (token == null ? "" : "?nextToken=" + token)).json();
      names.addAll(ClusterLifecycleTest.names(page));
      token = page.has("nextToken") ? page.get("nextToken").asText() : null;
    } while (token != null);
    assertThat(names).hasSize(251).doesNotHaveDuplicates().contains("seed", "c0", "c996");
    assertThat(EMULATOR.emulator().requests().count("POST", "/v3/clusters")).isEqualTo(251);
  }
}
