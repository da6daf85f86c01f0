package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pipeline's parameters: defaults, and every problem reported at once. */
class PipelineSettingsTest {

  @Test
  void theRequiredParametersAloneTakeTheDefaults() {
    PipelineSettings settings =
        EphemeralClusterPipeline.builder("demo")
            .resultsBucket("results")
            .configTemplate("classpath:cluster.yaml")
            .jobScript("classpath:job.sh")
            .build()
            .settings();

    assertThat(settings.resultsPrefix()).isEqualTo("results/");
    assertThat(settings.clusterTtl()).isEqualTo(Duration.ofHours(4));
    assertThat(settings.createTimeout()).isEqualTo(Duration.ofMinutes(45));
    assertThat(settings.jobTimeout()).isEqualTo(Duration.ofHours(2));
    assertThat(settings.deleteTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(settings.maxConcurrentClusters()).isEqualTo(2);
    assertThat(settings.maxInputBytes()).isEqualTo(5L * 1024 * 1024 * 1024);
    assertThat(settings.maxNameLength()).isEqualTo(40);
    assertThat(settings.namePrefix()).isEqualTo("pl");
    assertThat(settings.keepOnFailure()).isFalse();
    assertThat(settings.presignExpiry()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.reaperInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.outputFiles()).isEmpty();
    assertThat(settings.owner()).isNull();
    assertThat(settings.nodes()).isNull();
  }

  @Test
  void everyProblemIsListedAtOnce() {
    assertThatThrownBy(
            () ->
                EphemeralClusterPipeline.builder("Bad_Id")
                    .resultsBucket("Not A Bucket")
                    .outputFiles("ok.txt", "../escape", "job.log")
                    .namePrefix("9lives")
                    .maxNameLength(80)
                    .maxConcurrentClusters(0)
                    .maxInputBytes(-1)
                    .clusterTtl(Duration.ofSeconds(-5))
                    .presignExpiry(Duration.ofDays(8))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pipelineId must be 1 to 32 lower-case letters")
        .hasMessageContaining("resultsBucket must be a valid S3 bucket name")
        .hasMessageContaining("configTemplate is required")
        .hasMessageContaining("jobScript is required")
        .hasMessageContaining("\"../escape\"")
        .hasMessageContaining("must not name job.log")
        .hasMessageContaining("maxConcurrentClusters must be at least 1")
        .hasMessageContaining("maxInputBytes must be at least 1")
        .hasMessageContaining("clusterTtl must be positive")
        .hasMessageContaining("presignExpiry must be at most 7 days");
  }

  @Test
  void textParametersAreCheckedAsTheTemplateGetsThem() {
    Map<String, String> parameters =
        Map.of(
            "pipelineId", "p1",
            "resultsBucket", "results",
            "configTemplate", "file:/etc/hpc/cluster.yaml",
            "jobScript", "classpath:job.sh",
            "configOverrides",
                "Scheduling.SlurmQueues[0].ComputeResources[0].MaxCount = 4\nHeadNode.InstanceType=t3.large\n",
            "nodes", "two",
            "keepOnFailure", "yes",
            "jobTimeout", "2h");

    assertThatThrownBy(() -> PipelineSettings.parse(parameters))
        .hasMessageContaining("nodes must be a whole number, was \"two\"")
        .hasMessageContaining("keepOnFailure must be true or false")
        .hasMessageContaining("jobTimeout must be an ISO-8601 duration such as PT30M, was \"2h\"");

    Map<String, String> valid = new java.util.HashMap<>(parameters);
    valid.remove("nodes");
    valid.remove("keepOnFailure");
    valid.remove("jobTimeout");
    assertThat(PipelineSettings.parse(valid).configOverrides())
        .containsExactly(
            Map.entry("Scheduling.SlurmQueues[0].ComputeResources[0].MaxCount", "4"),
            Map.entry("HeadNode.InstanceType", "t3.large"));
  }

  @Test
  void hostileOverridesAndControlCharactersAreRefused() {
    assertThatThrownBy(
            () ->
                EphemeralClusterPipeline.builder("p2")
                    .configOverrides(Map.of("HeadNode.InstanceType", "t3.large\nImage.Os: evil")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line break");
    assertThatThrownBy(
            () ->
                PipelineSettings.parse(
                    Map.of(
                        "pipelineId", "p3",
                        "resultsBucket", "results",
                        "configTemplate", "x",
                        "jobScript", "x",
                        "owner", "me\u0007",
                        "configOverrides", "$(rm -rf /)=1")))
        .hasMessageContaining("owner must be at most 256 characters without control characters")
        .hasMessageContaining("configOverrides must be lines of PATH=VALUE");
  }

  @Test
  void aScriptGivenAsTextIsBoundAsABean() {
    EphemeralClusterPipeline pipeline =
        EphemeralClusterPipeline.builder("p4")
            .resultsBucket("results")
            .configTemplate("classpath:cluster.yaml")
            .jobScript("#!/bin/bash\necho {{not a placeholder}} ${HOME}\n")
            .build();

    assertThat(pipeline.parameters())
        .containsEntry("jobScript", "bean:pcluster-pipeline-p4-job-script");
  }
}
