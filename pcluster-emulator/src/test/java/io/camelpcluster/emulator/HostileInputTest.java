package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.createBody;
import static io.camelpcluster.emulator.Configs.slurm;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile names, paths and documents get clean 4xx answers, never a 500 or a hang. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HostileInputTest {
  @RegisterExtension
  static final PclusterEmulatorExtension EMULATOR =
      PclusterEmulatorExtension.withConfig(EmulatorConfig.builder().anonymous(true).build());

  private final Api api = Api.anonymous(EMULATOR.emulator());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a%2Fb",
        "%2E%2E",
        "..",
        "%C3%A9t%C3%A9",
        "%FF%FE",
        "abc%0A",
        "a%3Brm%20-rf%20%2F",
        "%24%28reboot%29",
        "1abc",
        "a"
      })
  void badClusterNamesInThePathAre400(String rawName) {
    Api.Response response = api.get("/v3/clusters/" + rawName);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message())
        .startsWith("Bad Request: ")
        .endsWith(" does not match '^[a-zA-Z][a-zA-Z0-9-]+$'");
  }

  @Test
  void aTenKilobyteNameIsACleanError() {
    String name = "a".repeat(10 * 1024);

    assertThat(api.get("/v3/clusters/" + name).status()).isEqualTo(404);
    assertThat(api.post("/v3/clusters", createBody(name, slurm(0))).status()).isEqualTo(400);
    assertThat(api.get("/v3/clusters/" + name + "-%00").status()).isEqualTo(400);
  }

  @Test
  void extraPathSegmentsAreUnknownRoutes() {
    Api.Response response = api.get("/v3/clusters/a/b/c/d");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.message()).isEqualTo("Missing Authentication Token");
    assertThat(api.get("/v3/clusters/").status()).isEqualTo(403);
    assertThat(Api.fetch(EMULATOR.emulator().endpoint() + "/../v3/clusters").status())
        .isIn(400, 403);
  }

  @Test
  void unicodeAndControlCharactersInTheBodyAreRefused() {
    assertThat(api.post("/v3/clusters", createBody("clüster", slurm(0))).status()).isEqualTo(400);
    assertThat(api.post("/v3/clusters", createBody("line\nbreak", slurm(0))).status())
        .isEqualTo(400);
    assertThat(api.post("/v3/clusters", createBody("ok-name", slurm(0) + "\u0000")).status())
        .isEqualTo(400);
  }

  @Test
  void malformedEscapesAndRawBytesAreCleanErrors() {
    PclusterEmulator emulator = EMULATOR.emulator();

    assertThat(RawHttp.get(emulator, "/prod/v3/clusters?region=%ZZ&nextToken=%")).isEqualTo(400);
    assertThat(RawHttp.get(emulator, "/prod/v3/clusters/%ZZ")).isEqualTo(400);
    assertThat(RawHttp.get(emulator, "/prod/v3/clusters/été")).isEqualTo(400);
    assertThat(RawHttp.get(emulator, new byte[] {'/', 'p', 'r', 'o', 'd', '/', (byte) 0xff}))
        .isIn(400, 403);
    assertThat(RawHttp.get(emulator, "/prod/v3/clusters/a%00b")).isEqualTo(400);
    assertThat(emulator.requests().all()).noneMatch(r -> r.status() >= 500);
  }

  @Test
  void aBillionLaughsDocumentIsRefusedQuickly() {
    StringBuilder yaml =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      yaml.append("]\n");
      previous = c;
    }

    Api.Response response = api.post("/v3/clusters", createBody("bomb", yaml.toString()));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message())
        .startsWith("Bad Request: Configuration must be a valid YAML document.");
  }

  @Test
  void deepNestingIsRefused() {
    String yaml = "a: " + "[".repeat(5000) + "]".repeat(5000);

    assertThat(api.post("/v3/clusters", createBody("deep", yaml)).status()).isEqualTo(400);
  }

  @Test
  void selfReferencingAliasesAreRefused() {
    Api.Response response = api.post("/v3/clusters", createBody("loop", "a: &x [*x]\n"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message()).contains("valid YAML document");
  }

  @Test
  void duplicateKeysAndForeignTagsAreRefused() {
    assertThat(api.post("/v3/clusters", createBody("dup", "Image: 1\nImage: 2\n")).status())
        .isEqualTo(400);
    assertThat(
            api.post(
                    "/v3/clusters",
                    createBody("tagged", "a: !!javax.script.ScriptEngineManager [x]\n"))
                .status())
        .isEqualTo(400);
  }

  @Test
  void hugeDocumentsAreRefused() {
    String yaml = "a: \"" + "x".repeat(2 * 1024 * 1024) + "\"\n";

    assertThat(api.post("/v3/clusters", createBody("huge", yaml)).status()).isEqualTo(400);
  }

  @Test
  void bodiesOverTheGatewayLimitAre413() {
    String body = "{\"clusterName\":\"x\",\"pad\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";

    Api.Response response = api.post("/v3/clusters", body);

    assertThat(response.status()).isEqualTo(413);
  }

  @Test
  void weirdLogStreamNamesAre404() {
    api.post("/v3/clusters", createBody("streams", slurm(0)));

    assertThat(api.get("/v3/clusters/streams/logstreams/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd").status())
        .isEqualTo(404);
    assertThat(api.get("/v3/clusters/streams/logstreams/" + "x".repeat(5000)).status())
        .isEqualTo(404);
  }
}
