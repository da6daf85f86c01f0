package io.camelpcluster.examples.pipeline;

import io.camelpcluster.pipeline.EphemeralClusterPipeline;
import io.camelpcluster.pipeline.PipelineSettings;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The demo's pipeline: its parameters are the Camel properties {@code pipeline.<parameter>} (the
 * names of {@link PipelineSettings}), its overrides the properties {@code
 * pipeline.configOverrides.<path>}; a blank {@code pipeline.jobScript} means the MPI word count
 * ({@link WordCountJob}). Installed with the {@link EphemeralClusterPipeline} builder.
 */
final class DemoPipeline {
  /** The prefix of the pipeline's properties. */
  static final String PREFIX = "pipeline.";

  /** The prefix of the configuration override properties. */
  static final String OVERRIDES_PREFIX = PREFIX + "configOverrides.";

  /** The registry name of the word count job script. */
  static final String WORD_COUNT_BEAN = "demoWordCountJob";

  private DemoPipeline() {}

  /**
   * Adds the pipeline to the context (before it starts) with the journal bound under {@code
   * journalBean}, and prints what it does.
   *
   * @throws IllegalArgumentException if a parameter is invalid (every problem listed)
   */
  static DemoTargets install(CamelContext context, String journalBean, PrintStream out)
      throws Exception {
    Map<String, String> parameters = parameters(context.getPropertiesComponent());
    parameters.put("journal", journalBean);
    if (parameters.getOrDefault("jobScript", "").isBlank()) {
      context.getRegistry().bind(WORD_COUNT_BEAN, WordCountJob.script());
      parameters.put("jobScript", "bean:" + WORD_COUNT_BEAN);
    }
    PipelineSettings settings = PipelineSettings.parse(parameters);
    EphemeralClusterPipeline.of(settings).addTo(context);
    out.printf(
        "pipeline %s: s3://%s/%s -> cluster from %s -> job (%s tasks) -> s3://%s/%s;"
            + " at most %d cluster(s) at once%n",
        settings.pipelineId(),
        settings.inputBucket(),
        settings.inputPrefix(),
        settings.configTemplate(),
        settings.ntasks() == null ? "default" : settings.ntasks(),
        settings.resultsBucket(),
        settings.resultsPrefix(),
        settings.maxConcurrentClusters());
    return new DemoTargets(
        settings.inputBucket(),
        settings.inputPrefix(),
        settings.resultsBucket(),
        settings.outputFiles());
  }

  /** The pipeline parameters the properties give, by parameter name. */
  static Map<String, String> parameters(PropertiesComponent properties) {
    Map<String, String> parameters = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(PipelineSettings.REQUIRED);
    names.addAll(PipelineSettings.DEFAULTS.keySet());
    for (String name : names) {
      properties.resolveProperty(PREFIX + name).ifPresent(value -> parameters.put(name, value));
    }
    Properties overrides = properties.loadProperties(key -> key.startsWith(OVERRIDES_PREFIX));
    List<String> lines =
        overrides.stringPropertyNames().stream()
            .sorted()
            .flatMap(
                key ->
                    Stream.of(
                        key.substring(OVERRIDES_PREFIX.length())
                            + "="
                            + overrides.getProperty(key)))
            .toList();
    if (!lines.isEmpty()) {
      parameters.put("configOverrides", String.join("\n", lines));
    }
    return parameters;
  }
}
