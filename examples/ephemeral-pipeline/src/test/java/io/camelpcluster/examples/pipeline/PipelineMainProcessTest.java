package io.camelpcluster.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of the demo as a user meets it: a JVM of its own, exit codes, messages. */
class PipelineMainProcessTest {
  @TempDir Path dir;

  @Test
  void aBadArgumentExitsWith2NamingItAndShowingTheUsage() throws Exception {
    DemoProcess demo =
        DemoProcess.start(List.of("--port", "80; reboot"), Map.of(), dir.resolve("bad.log"));

    assertThat(demo.exitCode(Duration.ofSeconds(60))).isEqualTo(2);
    assertThat(demo.log())
        .contains("PipelineMain: --port must be a number, was \"80; reboot\"")
        .contains("usage: PipelineMain");
  }

  @Test
  void aMissingSecretExitsWith2WithoutStartingAnything() throws Exception {
    DemoProcess demo =
        DemoProcess.start(
            List.of(
                "--s3-endpoint",
                "http://127.0.0.1:9",
                "--access-key",
                "AK",
                "--data-dir",
                dir.toString()),
            Map.of(PipelineOptions.SECRET_KEY_ENV, ""),
            dir.resolve("secret.log"));

    assertThat(demo.exitCode(Duration.ofSeconds(60))).isEqualTo(2);
    assertThat(demo.log())
        .contains("PipelineMain: the secret key of --s3-endpoint ($PIPELINE_S3_SECRET_KEY)");
    assertThat(dir.resolve("journal")).doesNotExist();
  }

  @Test
  void helpPrintsTheUsageAndExits0() throws Exception {
    DemoProcess demo = DemoProcess.start(List.of("--help"), Map.of(), dir.resolve("help.log"));

    assertThat(demo.exitCode(Duration.ofSeconds(60))).isZero();
    assertThat(demo.log()).startsWith("usage: PipelineMain").contains("--pcluster-endpoint URL");
  }
}
