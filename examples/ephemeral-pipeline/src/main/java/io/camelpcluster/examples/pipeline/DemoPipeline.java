package io.camelpcluster.examples.pipeline;

import io.camelpcluster.pipeline.EphemeralClusterPipeline;
import io.camelpcluster.pipeline.PipelineSettings;
import java.io.PrintStream;
import java.time.Duration;
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

  /** The property with the S3 trigger's delay between two listings (ISO-8601, default PT2S). */
  static final String POLL_DELAY = PREFIX + "pollDelay";

  private DemoPipeline() {}

  /**
   * The pipeline's settings from the properties, with the journal bound under {@code journalBean}.
   *
   * @throws IllegalArgumentException if a parameter is invalid (every problem listed)
   */
  static PipelineSettings settings(CamelContext context, String journalBean) {
    Map<String, String> parameters = parameters(context.getPropertiesComponent());
    parameters.put("journal", journalBean);
    if (parameters.getOrDefault("jobScript", "").isBlank()) {
      parameters.put("jobScript", WordCountJob.script());
    }
    return PipelineSettings.parse(parameters);
  }

  /** Adds the pipeline with these settings to the context and prints what it does. */
  static void install(CamelContext context, PipelineSettings settings, PrintStream out)
      throws Exception {
    Duration pollDelay =
        Duration.parse(context.getPropertiesComponent().resolveProperty(POLL_DELAY).orElse("PT2S"));
    builder(settings).pollDelay(pollDelay).build().addTo(context);
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
  }

  /** The Java DSL: the builder with every parameter of these settings. */
  static EphemeralClusterPipeline.Builder builder(PipelineSettings settings) {
    EphemeralClusterPipeline.Builder builder =
        EphemeralClusterPipeline.builder(settings.pipelineId())
            .owner(settings.owner())
            .inputBucket(settings.inputBucket())
            .inputPrefix(settings.inputPrefix())
            .resultsBucket(settings.resultsBucket())
            .resultsPrefix(settings.resultsPrefix())
            .configTemplate(settings.configTemplate())
            .configOverrides(settings.configOverrides())
            .jobScript(settings.jobScript())
            .outputFiles(settings.outputFiles().toArray(String[]::new))
            .partition(settings.partition())
            .timeLimit(settings.timeLimit())
            .namePrefix(settings.namePrefix())
            .maxNameLength(settings.maxNameLength())
            .clusterTtl(settings.clusterTtl())
            .createTimeout(settings.createTimeout())
            .jobTimeout(settings.jobTimeout())
            .deleteTimeout(settings.deleteTimeout())
            .maxConcurrentClusters(settings.maxConcurrentClusters())
            .maxInputBytes(settings.maxInputBytes())
            .keepOnFailure(settings.keepOnFailure())
            .journal(settings.journal())
            .presignExpiry(settings.presignExpiry())
            .reaperInterval(settings.reaperInterval());
    if (settings.nodes() != null) {
      builder.nodes(settings.nodes());
    }
    if (settings.ntasks() != null) {
      builder.ntasks(settings.ntasks());
    }
    return builder;
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
