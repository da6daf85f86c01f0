package io.camelpcluster.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.camelpcluster.pipeline.PipelineSettings;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** How the demo turns Camel properties into the pipeline's parameters. */
class DemoPipelineTest {

  @Test
  void pipelinePropertiesBecomeParametersWithOverridesAndTheWordCountByDefault() throws Exception {
    Properties properties = required();
    properties.put("pipeline.jobScript", " ");
    properties.put("pipeline.ntasks", "4");
    properties.put("pipeline.configOverrides.HeadNode.Ssh.KeyName", "my-key");
    properties.put(
        "pipeline.configOverrides.Scheduling.SlurmQueues[queue1].ComputeResources[0].MaxCount",
        "4");

    PipelineSettings settings = settings(properties);

    assertThat(settings.pipelineId()).isEqualTo("t1");
    assertThat(settings.ntasks()).isEqualTo(4);
    assertThat(settings.journal()).isEqualTo("aJournal");
    assertThat(settings.jobScript()).isEqualTo(WordCountJob.script().strip());
    assertThat(settings.configOverrides())
        .containsExactly(
            entry("HeadNode.Ssh.KeyName", "my-key"),
            entry("Scheduling.SlurmQueues[queue1].ComputeResources[0].MaxCount", "4"));
    // the builder binds a script's text as a bean and passes it as bean:<name>; all else is equal
    assertThat(DemoPipeline.builder(settings).build().settings())
        .usingRecursiveComparison()
        .ignoringFields("jobScript")
        .isEqualTo(settings);
  }

  @Test
  void invalidPropertiesAreReportedTogether() {
    Properties properties = required();
    properties.put("pipeline.pipelineId", "Not Valid!");
    properties.put("pipeline.maxConcurrentClusters", "none");

    assertThatThrownBy(() -> settings(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pipelineId")
        .hasMessageContaining("maxConcurrentClusters");
  }

  @Test
  void theWordCountJobCarriesItsSourceInAQuotedHereDocument() {
    String script = WordCountJob.script();

    assertThat(script)
        .startsWith("#!/bin/bash\ncat > wordcount.c <<'WORDCOUNT_C_END'\n")
        .contains("MPI_Reduce(counts, sums, 3, MPI_LONG_LONG, MPI_SUM, 0, MPI_COMM_WORLD);")
        .contains("\nWORDCOUNT_C_END\n")
        .contains("mpicc -O2 -o wordcount wordcount.c")
        .contains("mpirun -np \"${SLURM_NTASKS:-2}\" ./wordcount \"$PIPELINE_INPUT\" result.txt")
        .doesNotContain("#SBATCH");
  }

  private static Properties required() {
    Properties properties = new Properties();
    properties.put("pipeline.pipelineId", "t1");
    properties.put("pipeline.resultsBucket", "results-bucket");
    properties.put("pipeline.configTemplate", "classpath:demo/cluster-config.yaml");
    return properties;
  }

  private static PipelineSettings settings(Properties properties) throws Exception {
    try (CamelContext context = new DefaultCamelContext()) {
      context.getPropertiesComponent().setInitialProperties(properties);
      return DemoPipeline.settings(context, "aJournal");
    }
  }
}
