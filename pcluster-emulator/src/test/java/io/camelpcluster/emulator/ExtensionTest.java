package io.camelpcluster.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit extension starts one emulator per class and resolves it as a parameter. */
class ExtensionTest {
  @RegisterExtension
  static final PclusterEmulatorExtension EMULATOR =
      PclusterEmulatorExtension.withConfig(
          EmulatorConfig.builder().stage("test").region("ap-southeast-2").build());

  @Test
  void theEmulatorIsResolvedAsAParameter(PclusterEmulator emulator) {
    assertThat(emulator).isSameAs(EMULATOR.emulator());
    assertThat(emulator.endpoint().toString())
        .isEqualTo("http://127.0.0.1:" + emulator.port() + "/test");
    assertThat(emulator.region()).isEqualTo("ap-southeast-2");
  }

  @Test
  void theStageIsPartOfEveryPath(PclusterEmulator emulator) {
    Api api = Api.signed(emulator);

    assertThat(api.get("/v3/clusters").status()).isEqualTo(200);
    assertThat(Api.fetch("http://127.0.0.1:" + emulator.port() + "/prod/v3/clusters").status())
        .isEqualTo(403);
  }
}
