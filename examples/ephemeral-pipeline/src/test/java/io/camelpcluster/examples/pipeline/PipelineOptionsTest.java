package io.camelpcluster.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.locals3.LocalS3Settings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineOptionsTest {
  private static final Map<String, String> PCLUSTER_KEYS =
      Map.of(
          PipelineOptions.PCLUSTER_ACCESS_KEY_ENV, "AKIAPC",
          PipelineOptions.PCLUSTER_SECRET_KEY_ENV, "pc-secret-value");

  @TempDir Path dir;

  @Test
  void defaultsToEmbeddedServicesUnderTheDefaultDirectoryWithTheSample() {
    PipelineOptions options = parse();

    assertThat(options.once()).isFalse();
    assertThat(options.sample()).isTrue();
    assertThat(options.s3().mode()).isEqualTo(Backend.Mode.EMBEDDED);
    assertThat(options.pcluster().mode()).isEqualTo(Backend.Mode.EMBEDDED);
    assertThat(options.ssmEndpoint()).isNull();
    assertThat(options.dataDirectory()).isEqualTo(PipelineOptions.DEFAULT_DATA_DIRECTORY);
    assertThat(options.s3Directory())
        .isEqualTo(PipelineOptions.DEFAULT_DATA_DIRECTORY.resolve("s3"));
    assertThat(options.localS3().dataDirectory()).isEqualTo(options.s3Directory());
    assertThat(options.localS3().port()).isZero();
    assertThat(options.localS3().accessKey()).isEqualTo(LocalS3Settings.DEFAULT_ACCESS_KEY);
    assertThat(options.localS3().secretKey()).hasSize(40);
    assertThat(options.propertyFiles()).isEmpty();
    assertThat(options.consolePort()).isNull();
  }

  @Test
  void parsesTheLocalS3Options() {
    PipelineOptions options =
        PipelineOptions.parse(
            List.of(
                "--once",
                "--data-dir",
                "/var/tmp/demo",
                "--port",
                "9000",
                "--access-key",
                "AK",
                "--console",
                "8080"),
            Map.of(PipelineOptions.SECRET_KEY_ENV, "sk"));

    assertThat(options.once()).isTrue();
    assertThat(options.journalDirectory()).isEqualTo(Path.of("/var/tmp/demo/journal"));
    assertThat(options.emulatorDirectory()).isEqualTo(Path.of("/var/tmp/demo/emulator"));
    assertThat(options.localS3().dataDirectory()).isEqualTo(Path.of("/var/tmp/demo/s3"));
    assertThat(options.localS3().port()).isEqualTo(9000);
    assertThat(options.localS3().accessKey()).isEqualTo("AK");
    assertThat(options.localS3().secretKey()).isEqualTo("sk");
    assertThat(options.consolePort()).isEqualTo(8080);
  }

  @Test
  void givenEndpointsReplaceTheEmbeddedServicesWithCredentialsFromTheEnvironment()
      throws Exception {
    Path properties = Files.writeString(dir.resolve("more.properties"), "pipeline.ntasks=2\n");
    Map<String, String> env =
        Map.of(
            PipelineOptions.S3_ACCESS_KEY_ENV, "s3-ak",
            PipelineOptions.SECRET_KEY_ENV, "s3-sk",
            PipelineOptions.PCLUSTER_ACCESS_KEY_ENV, "pc-ak",
            PipelineOptions.PCLUSTER_SECRET_KEY_ENV, "pc-sk");

    PipelineOptions options =
        PipelineOptions.parse(
            List.of(
                "--s3-endpoint",
                "http://127.0.0.1:9000",
                "--pcluster-endpoint",
                "http://127.0.0.1:9001/prod",
                "--region",
                "eu-west-1",
                "--no-sample",
                "--properties",
                properties.toString()),
            env);

    assertThat(options.s3())
        .isEqualTo(
            Backend.endpoint(URI.create("http://127.0.0.1:9000"), "s3-ak", "s3-sk", "eu-west-1"));
    assertThat(options.pcluster())
        .isEqualTo(
            Backend.endpoint(
                URI.create("http://127.0.0.1:9001/prod"), "pc-ak", "pc-sk", "eu-west-1"));
    assertThat(options.ssmEndpoint()).isEqualTo(URI.create("http://127.0.0.1:9001"));
    assertThat(options.sample()).isFalse();
    assertThat(options.propertyFiles()).containsExactly(properties);
    assertThat(options.toString()).doesNotContain("s3-sk", "pc-sk");
  }

  @Test
  void anSsmEndpointCanBeGivenForTheApiEndpoint() {
    PipelineOptions options =
        PipelineOptions.parse(
            List.of(
                "--pcluster-endpoint",
                "https://abc.execute-api.eu-west-1.amazonaws.com/prod",
                "--ssm-endpoint",
                "https://ssm.eu-west-1.amazonaws.com"),
            PCLUSTER_KEYS);

    assertThat(options.ssmEndpoint()).isEqualTo(URI.create("https://ssm.eu-west-1.amazonaws.com"));
    assertThat(options.s3().mode()).isEqualTo(Backend.Mode.EMBEDDED);
  }

  @Test
  void awsTakesEverythingFromTheProperties() {
    PipelineOptions options = parse("--aws", "--once");

    assertThat(options.s3()).isEqualTo(Backend.configured());
    assertThat(options.pcluster()).isEqualTo(Backend.configured());
    assertThat(options.ssmEndpoint()).isNull();
  }

  @Test
  void rejectsBadArgumentsWithClearMessages() {
    assertThatThrownBy(() -> parse("--bogus")).hasMessage("unknown argument \"--bogus\"");
    assertThatThrownBy(() -> parse("--port")).hasMessage("--port needs a value");
    assertThatThrownBy(() -> parse("--port", "80; reboot"))
        .hasMessage("--port must be a number, was \"80; reboot\"");
    assertThatThrownBy(() -> parse("--port", "70000")).hasMessageContaining("65535");
    assertThatThrownBy(() -> parse("--console", "0"))
        .hasMessage("--console must be 1..65535, was 0");
    assertThatThrownBy(() -> parse("--console", "http"))
        .hasMessage("--console must be a number, was \"http\"");
    assertThatThrownBy(() -> parse("--data-dir", " ")).hasMessage("--data-dir must not be blank");
    assertThatThrownBy(() -> parse("--data-dir", "a\0b"))
        .hasMessage("--data-dir is not a valid path: \"a?b\"");
    assertThatThrownBy(() -> parse("--access-key", "has space"))
        .hasMessageStartingWith("accessKey must be");
    assertThatThrownBy(() -> parse("x\n".repeat(5_000)))
        .hasMessageStartingWith("unknown argument \"x?x?")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(100));
    assertThatThrownBy(() -> parse("--properties", dir.resolve("missing.properties").toString()))
        .hasMessageStartingWith("--properties: no readable file");
    assertThatThrownBy(() -> parse("--region", "Mars-1; rm -rf /"))
        .hasMessage(
            "--region must look like an AWS region such as us-east-1, was \"Mars-1; rm -rf /\"");
  }

  @Test
  void rejectsBadEndpoints() {
    for (String bad :
        List.of(
            "ftp://127.0.0.1:9000",
            "127.0.0.1:9000",
            "http://127.0.0.1:9000/?x=1",
            "http://user:pw@127.0.0.1:9000",
            "http://exa mple.com",
            "http://127.0.0.1:9000/$(reboot)\n")) {
      assertThatThrownBy(() -> parse("--pcluster-endpoint", bad))
          .as(bad)
          .hasMessageStartingWith("--pcluster-endpoint ")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void rejectsCombinationsThatMakeNoSense() {
    assertThatThrownBy(() -> parse("--aws", "--s3-endpoint", "http://127.0.0.1:9000"))
        .hasMessage(
            "--aws takes S3 and ParallelCluster from the Camel properties: it cannot be combined"
                + " with --s3-endpoint");
    assertThatThrownBy(() -> parse("--aws", "--port", "9000"))
        .hasMessageEndingWith("cannot be combined with --port");
    assertThatThrownBy(() -> parse("--ssm-endpoint", "http://127.0.0.1:9000"))
        .hasMessage("--ssm-endpoint needs --pcluster-endpoint");
    assertThatThrownBy(
            () ->
                PipelineOptions.parse(
                    List.of("--s3-endpoint", "http://127.0.0.1:9000", "--port", "9001"),
                    Map.of(PipelineOptions.SECRET_KEY_ENV, "sk")))
        .hasMessage("--port is the local S3's: it cannot go with --s3-endpoint");
  }

  @Test
  void endpointsNeedTheirCredentialsWhichAreNeverEchoed() {
    assertThatThrownBy(() -> parse("--s3-endpoint", "http://127.0.0.1:9000"))
        .hasMessage(
            "the access key of --s3-endpoint (--access-key or $"
                + PipelineOptions.S3_ACCESS_KEY_ENV
                + ") is missing");
    assertThatThrownBy(() -> parse("--s3-endpoint", "http://127.0.0.1:9000", "--access-key", "AK"))
        .hasMessage(
            "the secret key of --s3-endpoint ($" + PipelineOptions.SECRET_KEY_ENV + ") is missing");
    assertThatThrownBy(() -> parse("--pcluster-endpoint", "http://127.0.0.1:9000/prod"))
        .hasMessage(
            "the access key of --pcluster-endpoint ($"
                + PipelineOptions.PCLUSTER_ACCESS_KEY_ENV
                + ") is missing");
    assertThatThrownBy(
            () ->
                PipelineOptions.parse(
                    List.of("--pcluster-endpoint", "http://127.0.0.1:9000/prod"),
                    Map.of(
                        PipelineOptions.PCLUSTER_ACCESS_KEY_ENV, "AKIA",
                        PipelineOptions.PCLUSTER_SECRET_KEY_ENV, "bad secret value")))
        .hasMessageStartingWith("the secret key of --pcluster-endpoint")
        .hasMessageNotContaining("bad secret value");
  }

  @Test
  void aBadLocalS3SecretInTheEnvironmentIsRefusedWithoutEchoingIt() {
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
