package io.camelpcluster.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The standalone launcher's options. */
class EmulatorMainTest {

  @Test
  void optionsBuildTheConfiguration() {
    EmulatorMain.Options options =
        EmulatorMain.Options.parse(
            List.of(
                "--port", "8080",
                "--state-dir", "/tmp/emulator-state",
                "--region", "eu-central-1",
                "--create-seconds", "30",
                "--fleet-seconds", "5"),
            null);

    EmulatorConfig config = options.config();
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.stateDir()).isEqualTo(Path.of("/tmp/emulator-state"));
    assertThat(config.region()).isEqualTo("eu-central-1");
    assertThat(config.durations().create()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.durations().fleetTransition()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.anonymous()).isFalse();
    assertThat(config.credentials())
        .extracting(EmulatorConfig.Credentials::accessKeyId)
        .containsExactly(EmulatorConfig.DEFAULT_ACCESS_KEY_ID);
    assertThat(options.credentialsSource()).contains(EmulatorConfig.DEFAULT_ACCESS_KEY_ID);
  }

  @Test
  void theSecretIsNeverPartOfTheDescription() {
    EmulatorMain.Options fromArgs =
        EmulatorMain.Options.parse(
            List.of("--access-key", "AKIAOWN", "--secret-key", "s3cr3t-value"), null);
    EmulatorMain.Options fromEnv =
        EmulatorMain.Options.parse(List.of("--access-key", "AKIAOWN"), "env-s3cr3t");

    assertThat(fromArgs.credentialsSource()).contains("AKIAOWN").doesNotContain("s3cr3t-value");
    assertThat(fromEnv.credentialsSource())
        .contains(EmulatorMain.SECRET_ENV)
        .doesNotContain("env-s3cr3t");
    assertThat(fromArgs.config().credentials().get(0).toString()).doesNotContain("s3cr3t-value");
  }

  @Test
  void anonymousModeIsExplicit() {
    assertThat(EmulatorMain.Options.parse(List.of("--anonymous"), null).config().anonymous())
        .isTrue();
  }

  @Test
  void badOptionsAreRefused() {
    assertThatThrownBy(() -> EmulatorMain.Options.parse(List.of("--port"), null))
        .hasMessage("--port needs a value");
    assertThatThrownBy(() -> EmulatorMain.Options.parse(List.of("--port", "x"), null))
        .hasMessage("--port needs a number");
    assertThatThrownBy(() -> EmulatorMain.Options.parse(List.of("--bogus"), null))
        .hasMessage("unknown option --bogus");
    assertThatThrownBy(() -> EmulatorMain.Options.parse(List.of("--access-key", "AK"), null))
        .hasMessageContaining("needs --secret-key");
    assertThatThrownBy(() -> EmulatorMain.Options.parse(List.of("--region", "mars-1"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
