package io.camelpcluster.examples.pipeline;

import static io.camelpcluster.examples.pipeline.DemoTestSupport.assumeLocalSlurm;
import static io.camelpcluster.examples.pipeline.DemoTestSupport.clusters;
import static io.camelpcluster.examples.pipeline.DemoTestSupport.keys;
import static io.camelpcluster.examples.pipeline.DemoTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.locals3.LocalS3;
import io.camelpcluster.locals3.LocalS3Clients;
import io.camelpcluster.locals3.LocalS3Settings;
import io.camelpcluster.pcluster.api.ParallelClusterClient;
import io.camelpcluster.pipeline.PipelineJournal;
import io.camelpcluster.pipeline.RunState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The README's YAML DSL usage, as a Camel Main application: the pipeline's route templates and a
 * YAML file with {@code templatedRoute}s (src/test/resources/yaml/wordcount-pipeline.yaml), the
 * components configured by properties only; an input dropped in the bucket comes out counted.
 */
class YamlDslPipelineTest {
  @TempDir Path dir;

  @Test
  void theTemplatesInstantiatedFromYamlRunAnInputThroughACluster() throws Exception {
    assumeLocalSlurm();
    try (LocalS3 s3 = LocalS3.start(LocalS3Settings.of(dir.resolve("s3")));
        S3Client client = LocalS3Clients.client(s3);
        S3Presigner presigner = LocalS3Clients.presigner(s3);
        PclusterEmulator emulator = PclusterEmulator.start();
        ParallelClusterClient api =
            ParallelClusterClient.builder()
                .endpoint(emulator.endpoint())
                .region(emulator.region())
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(
                            EmulatorConfig.DEFAULT_ACCESS_KEY_ID,
                            EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY)))
                .build()) {
      s3.createBucket("yaml-inputs");
      s3.createBucket("yaml-results");
      Main main = new Main();
      main.addOverrideProperty(
          "camel.main.routesIncludePattern",
          "classpath:camel-pcluster/routes/*.yaml,classpath:yaml/wordcount-pipeline.yaml");
      main.addOverrideProperty("wordcount.journalDir", dir.resolve("journal").toString());
      main.addOverrideProperty("camel.component.aws2-s3.accessKey", s3.accessKey());
      main.addOverrideProperty("camel.component.aws2-s3.secretKey", s3.secretKey());
      main.addOverrideProperty("camel.component.aws2-s3.region", s3.region());
      main.addOverrideProperty("camel.component.aws2-s3.overrideEndpoint", "true");
      main.addOverrideProperty(
          "camel.component.aws2-s3.uriEndpointOverride", s3.endpoint().toString());
      main.addOverrideProperty("camel.component.aws2-s3.forcePathStyle", "true");
      main.addOverrideProperty(
          "camel.component.pcluster.uriEndpointOverride", emulator.endpoint().toString());
      main.addOverrideProperty("camel.component.pcluster.region", emulator.region());
      main.addOverrideProperty(
          "camel.component.pcluster.accessKey", EmulatorConfig.DEFAULT_ACCESS_KEY_ID);
      main.addOverrideProperty(
          "camel.component.pcluster.secretKey", EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY);
      main.addOverrideProperty("camel.component.pcluster.headNodeAccess", "ssm");
      main.addOverrideProperty(
          "camel.component.pcluster.ssmEndpointOverride", emulator.ssmEndpoint().toString());
      main.addOverrideProperty("camel.component.pcluster.pollInterval", "1s");
      main.bind("localS3Presigner", presigner);
      main.start();
      try {
        assertThat(main.getCamelContext().getRoutes())
            .extracting(r -> r.getRouteId())
            .contains(
                "pcluster-pipeline-wordcount",
                "pcluster-s3-trigger-wordcount",
                "pcluster-reaper-wordcount");

        client.putObject(
            b -> b.bucket("yaml-inputs").key("inbox/five words in a file.txt"),
            RequestBody.fromString("five words in a file\n"));

        List<String> manifests =
            await()
                .atMost(Duration.ofMinutes(2))
                .until(
                    () ->
                        keys(client, "yaml-results", "results/").stream()
                            .filter(k -> k.endsWith("/result.json"))
                            .toList(),
                    found -> !found.isEmpty());
        String folder = manifests.get(0).substring(0, manifests.get(0).lastIndexOf('/') + 1);
        assertThat(text(client, "yaml-results", folder + "words.txt")).isEqualTo("5\n");
        PipelineJournal journal =
            main.getCamelContext()
                .getRegistry()
                .lookupByNameAndType("wordcountJournal", PipelineJournal.class);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> journal.runs().get(0).state() == RunState.SUCCEEDED);
        assertThat(clusters(api)).isEmpty();
      } finally {
        main.stop();
      }
    }
  }
}
