package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.createBody;
import static io.camelpcluster.emulator.Configs.slurm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Injected gateway and service faults. */
class FaultInjectionTest {
  @RegisterExtension
  static final PclusterEmulatorExtension EMULATOR =
      PclusterEmulatorExtension.withConfig(EmulatorConfig.builder().anonymous(true).build());

  private final Api api = Api.anonymous(EMULATOR.emulator());

  @AfterEach
  void reset() {
    EMULATOR.emulator().faults().reset();
    EMULATOR.emulator().requests().clear();
  }

  @Test
  void throttleNextThrottlesExactlyThatManyRequests() {
    EMULATOR.emulator().faults().throttleNext(2);

    List<Integer> statuses = statuses(3);

    assertThat(statuses).containsExactly(429, 429, 200);
  }

  @Test
  void throttlingAnswersTheGatewaysBodyWithoutRetryAfterByDefault() {
    EMULATOR.emulator().faults().throttleNext(1);

    Api.Response response = api.get("/v3/clusters");

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.message()).isEqualTo("Too Many Requests");
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void retryAfterCanBeAdded() {
    EMULATOR.emulator().faults().throttleNext(1).retryAfter(Duration.ofSeconds(2));

    assertThat(api.get("/v3/clusters").headers().firstValue("Retry-After")).contains("2");
  }

  @Test
  void serverErrorsHaveTheGatewaysBodies() {
    var faults = EMULATOR.emulator().faults();

    faults.serverErrorNext(1, 500);
    Api.Response internal = api.get("/v3/clusters");
    faults.serverErrorNext(1, 502);
    Api.Response badGateway = api.get("/v3/clusters");
    faults.serverErrorNext(1, 503);
    Api.Response unavailable = api.get("/v3/clusters");
    faults.serverErrorNext(1, 504);
    Api.Response timeout = api.get("/v3/clusters");

    assertThat(internal.status()).isEqualTo(500);
    assertThat(badGateway.status()).isEqualTo(502);
    assertThat(badGateway.message()).isEqualTo("Internal server error");
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.message()).isEqualTo("Service Unavailable");
    assertThat(timeout.status()).isEqualTo(504);
    assertThat(timeout.message()).isEqualTo("Endpoint request timed out");
    assertThat(api.get("/v3/clusters").status()).isEqualTo(200);
  }

  @Test
  void aTimeoutAfterApplyAppliesTheMutationButAnswers504() {
    EMULATOR.emulator().faults().gatewayTimeoutAfterApplyNext(1);

    Api.Response create = api.post("/v3/clusters", createBody("applied", slurm(0)));
    Api.Response read = api.get("/v3/clusters/applied");

    assertThat(create.status()).isEqualTo(504);
    assertThat(create.message()).isEqualTo("Endpoint request timed out");
    assertThat(read.status()).isEqualTo(200);
    assertThat(api.post("/v3/clusters", createBody("applied", slurm(0))).status()).isEqualTo(400);
  }

  @Test
  void ratesAreReproducibleWithASeed() {
    var faults = EMULATOR.emulator().faults();

    faults.seed(42).throttleRate(0.5);
    List<Integer> first = statuses(20);
    faults.seed(42);
    List<Integer> second = statuses(20);

    assertThat(first).containsExactlyElementsOf(second).contains(429, 200);
    faults.throttleRate(0).serverErrorRate(1);
    assertThat(statuses(2)).containsOnly(500);
  }

  @Test
  void latencyDelaysAnswers() {
    EMULATOR.emulator().faults().latency(Duration.ofMillis(300));

    long start = System.nanoTime();
    api.get("/v3/clusters");

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void theRequestLogCountsWhatWasReceived() {
    EMULATOR.emulator().faults().throttleNext(1);
    api.get("/v3/clusters");
    api.get("/v3/clusters?region=eu-west-1");
    api.get("/v3/nowhere");

    var log = EMULATOR.emulator().requests();
    assertThat(log.count("GET", "/prod/v3/clusters")).isEqualTo(2);
    assertThat(log.all()).extracting(RecordedRequest::status).containsExactly(429, 200, 403);
    assertThat(log.all().get(1).rawQuery()).isEqualTo("region=eu-west-1");
    assertThat(log.all().get(0).receivedAt()).isNotNull();
  }

  @Test
  void invalidFaultsAreRefused() {
    var faults = EMULATOR.emulator().faults();

    assertThatThrownBy(() -> faults.serverErrorNext(1, 404))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.throttleRate(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.throttleNext(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  private List<Integer> statuses(int n) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      statuses.add(api.get("/v3/clusters").status());
    }
    return statuses;
  }
}
