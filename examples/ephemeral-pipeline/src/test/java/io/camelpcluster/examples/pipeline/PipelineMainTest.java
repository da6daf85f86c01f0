package io.camelpcluster.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.locals3.LocalS3Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineMainTest {
  @TempDir Path dir;

  @Test
  void onceStartsTheLocalS3WithTheDemoBucketsPrintsItAndStops() throws Exception {
    PipelineOptions options =
        PipelineOptions.parse(
            List.of("--once", "--data-dir", dir.toString()),
            Map.of(PipelineOptions.SECRET_KEY_ENV, "demo-secret-value"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    PipelineMain.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("endpoint:   http://127.0.0.1:")
        .contains("region:     us-east-1")
        .contains("access key: " + LocalS3Settings.DEFAULT_ACCESS_KEY)
        .contains("--once: stopping")
        .doesNotContain("demo-secret-value");
    assertThat(dir.resolve(PipelineMain.INPUT_BUCKET)).isDirectory();
    assertThat(dir.resolve(PipelineMain.RESULTS_BUCKET)).isDirectory();
  }

  @Test
  void parsesEveryOption() {
    PipelineOptions options =
        PipelineOptions.parse(
            List.of("--once", "--data-dir", "/var/tmp/s3", "--port", "9000", "--access-key", "AK"),
            Map.of(PipelineOptions.SECRET_KEY_ENV, "sk"));

    assertThat(options.once()).isTrue();
    assertThat(options.s3().dataDirectory()).isEqualTo(Path.of("/var/tmp/s3"));
    assertThat(options.s3().port()).isEqualTo(9000);
    assertThat(options.s3().accessKey()).isEqualTo("AK");
    assertThat(options.s3().secretKey()).isEqualTo("sk");
  }

  @Test
  void defaultsToAFreePortTheDefaultDirectoryAndARandomSecret() {
    PipelineOptions options = PipelineOptions.parse(List.of(), Map.of());

    assertThat(options.once()).isFalse();
    assertThat(options.s3().port()).isZero();
    assertThat(options.s3().dataDirectory()).isEqualTo(PipelineOptions.DEFAULT_DATA_DIRECTORY);
    assertThat(options.s3().secretKey()).hasSize(40);
  }

  @Test
  void rejectsBadArgumentsWithClearMessages() {
    assertThatThrownBy(() -> parse("--bogus")).hasMessage("unknown argument \"--bogus\"");
    assertThatThrownBy(() -> parse("--port")).hasMessage("--port needs a value");
    assertThatThrownBy(() -> parse("--port", "80; reboot"))
        .hasMessage("--port must be a number, was \"80; reboot\"");
    assertThatThrownBy(() -> parse("--port", "70000")).hasMessageContaining("65535");
    assertThatThrownBy(() -> parse("--data-dir", " ")).hasMessage("--data-dir must not be blank");
    assertThatThrownBy(() -> parse("--data-dir", "a\0b"))
        .hasMessage("--data-dir is not a valid path: \"a?b\"");
    assertThatThrownBy(() -> parse("--access-key", "has space"))
        .hasMessageStartingWith("accessKey must be");
    assertThatThrownBy(() -> parse("x\n".repeat(5_000)))
        .hasMessageStartingWith("unknown argument \"x?x?")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(100));
  }

  @Test
  void aBadSecretInTheEnvironmentIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(
            () ->
                PipelineOptions.parse(
                    List.of(), Map.of(PipelineOptions.SECRET_KEY_ENV, "bad secret value")))
        .hasMessageStartingWith("secretKey must be")
        .hasMessageNotContaining("bad secret value");
  }

  private static PipelineOptions parse(String... args) {
    return PipelineOptions.parse(List.of(args), Map.of());
  }
}
