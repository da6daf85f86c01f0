package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.buildBody;
import static io.camelpcluster.emulator.Configs.createBody;
import static io.camelpcluster.emulator.Configs.image;
import static io.camelpcluster.emulator.Configs.slurm;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** SigV4 is required by default: signed requests pass, anything else gets API Gateway's 403s. */
class SignedRequestsTest {
  private static PclusterEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        PclusterEmulator.start(
            EmulatorConfig.builder()
                .region("eu-west-1")
                .credentials(
                    EmulatorConfig.DEFAULT_ACCESS_KEY_ID, EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY)
                .credentials("ASIATEMPORARY0000001", "temporary-secret", "session-token-1")
                .build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void signedRequestsAreServedWithTheApisOwnRegionAsDefault() {
    Api api = Api.signed(emulator);

    Api.Response created = api.post("/v3/clusters", createBody("signed", slurm(0)));

    assertThat(created.status()).isEqualTo(202);
    assertThat(created.json().at("/cluster/region").asText()).isEqualTo("eu-west-1");
    assertThat(api.get("/v3/clusters/signed").status()).isEqualTo(200);
    assertThat(api.get("/v3/clusters?clusterStatus=CREATE_IN_PROGRESS").status()).isEqualTo(200);
  }

  @Test
  void pathsWithEncodedSlashesVerify() {
    Api api = Api.signed(emulator);
    api.post("/v3/images/custom", buildBody("signed-image", image()));

    Api.Response events = api.get("/v3/images/custom/signed-image/logstreams/3.12.0%2F1");

    assertThat(events.status()).isEqualTo(200);
    assertThat(events.json().get("events")).isNotEmpty();
  }

  @Test
  void temporaryCredentialsNeedTheirSessionToken() {
    AwsCredentialsIdentity temporary =
        AwsSessionCredentialsIdentity.create(
            "ASIATEMPORARY0000001", "temporary-secret", "session-token-1");

    assertThat(Api.signed(emulator, temporary).get("/v3/clusters").status()).isEqualTo(200);
    assertThat(
            Api.signed(
                    emulator,
                    AwsCredentialsIdentity.create("ASIATEMPORARY0000001", "temporary-secret"))
                .get("/v3/clusters")
                .status())
        .isEqualTo(403);
  }

  @Test
  void unsignedRequestsGetMissingAuthenticationToken() {
    Api.Response response = Api.anonymous(emulator).get("/v3/clusters");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.message()).isEqualTo("Missing Authentication Token");
  }

  @Test
  void aWrongSecretIsRefusedWith403() {
    Api wrong =
        Api.signed(
            emulator,
            AwsCredentialsIdentity.create(EmulatorConfig.DEFAULT_ACCESS_KEY_ID, "not-the-secret"));

    Api.Response response = wrong.get("/v3/clusters");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.message()).startsWith("The request signature we calculated does not match");
  }

  @Test
  void anUnknownAccessKeyIsRefusedWith403() {
    Api unknown =
        Api.signed(emulator, AwsCredentialsIdentity.create("AKIAUNKNOWN000000000", "secret"));

    Api.Response response = unknown.get("/v3/clusters");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.message())
        .isEqualTo("The security token included in the request is invalid.");
  }

  @Test
  void unknownPathsGetMissingAuthenticationTokenEvenWhenSigned() {
    Api api = Api.signed(emulator);

    assertThat(api.get("/v3/unknown").status()).isEqualTo(403);
    assertThat(api.get("/v3/unknown").message()).isEqualTo("Missing Authentication Token");
    assertThat(api.send("PATCH", "/v3/clusters", "{}").message())
        .isEqualTo("Missing Authentication Token");
  }

  @Test
  void rejectedRequestsDoNotConsumeInjectedFaults() {
    emulator.faults().reset().throttleNext(1);
    try {
      assertThat(Api.anonymous(emulator).get("/v3/clusters").status()).isEqualTo(403);
      assertThat(Api.signed(emulator).get("/v3/clusters").status()).isEqualTo(429);
      assertThat(Api.signed(emulator).get("/v3/clusters").status()).isEqualTo(200);
    } finally {
      emulator.faults().reset();
    }
  }
}
