package io.camelpcluster.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * The Java way to the ephemeral-cluster pipeline: typed parameters, checked all at once by {@link
 * Builder#build()}, then {@link #addTo(CamelContext)} instantiates the YAML route templates of
 * {@code classpath:camel-pcluster/routes/} (the one definition of the flow): the pipeline, its
 * trigger (S3 listing or SQS notifications, or none: send to {@link #entryUri()} yourself) and its
 * reaper.
 *
 * <pre>{@code
 * EphemeralClusterPipeline.builder("genomes")
 *     .inputBucket("inbox").resultsBucket("results")
 *     .configTemplate("classpath:cluster.yaml").jobScript("classpath:count.sh")
 *     .outputFiles("counts.txt").ntasks(2).maxConcurrentClusters(3)
 *     .build()
 *     .addTo(camelContext);
 * }</pre>
 */
public final class EphemeralClusterPipeline {

  /** The route template of the pipeline. */
  public static final String PIPELINE_TEMPLATE = "pcluster-ephemeral-pipeline";

  /** The route template of the S3 listing trigger. */
  public static final String S3_TRIGGER_TEMPLATE = "pcluster-s3-trigger";

  /** The route template of the SQS notification trigger. */
  public static final String SQS_TRIGGER_TEMPLATE = "pcluster-sqs-trigger";

  /** The route template of the reaper. */
  public static final String REAPER_TEMPLATE = "pcluster-cluster-reaper";

  /** Where the templates are on the classpath. */
  public static final List<String> TEMPLATE_RESOURCES =
      List.of(
          "classpath:camel-pcluster/routes/ephemeral-cluster-pipeline.yaml",
          "classpath:camel-pcluster/routes/s3-trigger.yaml",
          "classpath:camel-pcluster/routes/sqs-trigger.yaml",
          "classpath:camel-pcluster/routes/cluster-reaper.yaml");

  private final PipelineSettings settings;
  private final Map<String, String> parameters;
  private final Map<String, Object> beans;
  private final String sqsQueue;
  private final Duration pollDelay;
  private final boolean reaper;

  private EphemeralClusterPipeline(Builder builder, PipelineSettings settings) {
    this.settings = settings;
    this.parameters = Map.copyOf(builder.parameters);
    this.beans = Map.copyOf(builder.beans);
    this.sqsQueue = builder.sqsQueue;
    this.pollDelay = builder.pollDelay;
    this.reaper = builder.reaper;
  }

  /** A builder for the pipeline with this id (1 to 32 of {@code [a-z0-9-]}). */
  public static Builder builder(String pipelineId) {
    return new Builder(pipelineId);
  }

  /** The checked settings. */
  public PipelineSettings settings() {
    return settings;
  }

  /** The template parameters this pipeline instantiates the pipeline template with. */
  public Map<String, String> parameters() {
    return parameters;
  }

  /** The endpoint triggers send inputs to. */
  public String entryUri() {
    return "direct:pcluster-pipeline-" + settings.pipelineId();
  }

  /**
   * Loads the route templates into the context (once) and adds the pipeline's routes: {@code
   * pcluster-pipeline-<id>}, its trigger {@code pcluster-s3-trigger-<id>} (with an input bucket) or
   * {@code pcluster-sqs-trigger-<id>} (with a queue), and {@code pcluster-reaper-<id>}.
   */
  public void addTo(CamelContext context) throws Exception {
    Objects.requireNonNull(context, "context");
    loadTemplates(context);
    beans.forEach((name, bean) -> context.getRegistry().bind(name, bean));
    String id = settings.pipelineId();
    TemplatedRouteBuilder pipeline =
        TemplatedRouteBuilder.builder(context, PIPELINE_TEMPLATE)
            .routeId("pcluster-pipeline-" + id);
    parameters.forEach(pipeline::parameter);
    pipeline.add();
    if (sqsQueue != null) {
      TemplatedRouteBuilder.builder(context, SQS_TRIGGER_TEMPLATE)
          .routeId("pcluster-sqs-trigger-" + id)
          .parameter("pipelineId", id)
          .parameter("queue", sqsQueue)
          .add();
    } else if (settings.inputBucket() != null) {
      TemplatedRouteBuilder.builder(context, S3_TRIGGER_TEMPLATE)
          .routeId("pcluster-s3-trigger-" + id)
          .parameter("pipelineId", id)
          .parameter("inputBucket", settings.inputBucket())
          .parameter("inputPrefix", settings.inputPrefix())
          .parameter("pollDelay", String.valueOf(pollDelay.toMillis()))
          .parameter("journal", settings.journal())
          .add();
    }
    if (reaper) {
      TemplatedRouteBuilder.builder(context, REAPER_TEMPLATE)
          .routeId("pcluster-reaper-" + id)
          .parameter("pipelineId", id)
          .parameter("journal", settings.journal())
          .parameter("reaperInterval", settings.reaperInterval().toString())
          .add();
    }
  }

  /** Loads the YAML route templates into the context unless they are there already. */
  public static void loadTemplates(CamelContext context) throws Exception {
    ModelCamelContext model = (ModelCamelContext) context;
    synchronized (context) {
      if (model.getRouteTemplateDefinition(PIPELINE_TEMPLATE) != null) {
        return;
      }
      for (String location : TEMPLATE_RESOURCES) {
        PluginHelper.getRoutesLoader(context)
            .loadRoutes(ResourceHelper.resolveMandatoryResource(context, location));
      }
    }
  }

  /** Typed parameters of a pipeline; see the template's parameter descriptions. */
  public static final class Builder {
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, Object> beans = new LinkedHashMap<>();
    private String sqsQueue;
    private Duration pollDelay = Duration.ofSeconds(5);
    private boolean reaper = true;

    private Builder(String pipelineId) {
      set("pipelineId", pipelineId);
    }

    public Builder owner(String owner) {
      return set("owner", owner);
    }

    /** The bucket the S3 trigger lists (no S3 trigger without it). */
    public Builder inputBucket(String bucket) {
      return set("inputBucket", bucket);
    }

    public Builder inputPrefix(String prefix) {
      return set("inputPrefix", prefix);
    }

    /** How often the S3 trigger lists the bucket (default 5 s). */
    public Builder pollDelay(Duration delay) {
      this.pollDelay = Objects.requireNonNull(delay, "pollDelay");
      return this;
    }

    /** Feed the pipeline from this SQS queue of S3 event notifications instead of listing. */
    public Builder sqsQueue(String queue) {
      this.sqsQueue = queue;
      return this;
    }

    public Builder resultsBucket(String bucket) {
      return set("resultsBucket", bucket);
    }

    public Builder resultsPrefix(String prefix) {
      return set("resultsPrefix", prefix);
    }

    /** The cluster configuration template: classpath:, file:, a path, or bean:name. */
    public Builder configTemplate(String location) {
      return set("configTemplate", location);
    }

    /** Overrides of the template, path to value, applied in order. */
    public Builder configOverrides(Map<String, ?> overrides) {
      StringBuilder lines = new StringBuilder();
      overrides.forEach(
          (path, value) -> {
            String text = String.valueOf(value);
            if (path.contains("=")
                || path.contains("\n")
                || text.contains("\n")
                || text.contains("\r")) {
              throw new IllegalArgumentException(
                  "configOverrides: neither a path nor a value may contain a line break, nor a"
                      + " path '=': "
                      + path);
            }
            lines.append(path).append('=').append(text).append('\n');
          });
      return set("configOverrides", lines.toString());
    }

    /**
     * The job script: a {@code classpath:}, {@code file:} or {@code bean:} location, or the script
     * text itself.
     */
    public Builder jobScript(String locationOrText) {
      if (locationOrText != null
          && !locationOrText.startsWith("classpath:")
          && !locationOrText.startsWith("file:")
          && !locationOrText.startsWith("bean:")) {
        String bean = "pcluster-pipeline-" + parameters.get("pipelineId") + "-job-script";
        beans.put(bean, locationOrText);
        return set("jobScript", "bean:" + bean);
      }
      return set("jobScript", locationOrText);
    }

    public Builder outputFiles(String... files) {
      return set("outputFiles", String.join(",", files));
    }

    public Builder nodes(int nodes) {
      return set("nodes", String.valueOf(nodes));
    }

    public Builder ntasks(int ntasks) {
      return set("ntasks", String.valueOf(ntasks));
    }

    public Builder partition(String partition) {
      return set("partition", partition);
    }

    public Builder timeLimit(String timeLimit) {
      return set("timeLimit", timeLimit);
    }

    public Builder namePrefix(String prefix) {
      return set("namePrefix", prefix);
    }

    public Builder maxNameLength(int length) {
      return set("maxNameLength", String.valueOf(length));
    }

    public Builder clusterTtl(Duration ttl) {
      return set("clusterTtl", text(ttl));
    }

    public Builder createTimeout(Duration timeout) {
      return set("createTimeout", text(timeout));
    }

    public Builder jobTimeout(Duration timeout) {
      return set("jobTimeout", text(timeout));
    }

    public Builder deleteTimeout(Duration timeout) {
      return set("deleteTimeout", text(timeout));
    }

    public Builder maxConcurrentClusters(int max) {
      return set("maxConcurrentClusters", String.valueOf(max));
    }

    public Builder maxInputBytes(long max) {
      return set("maxInputBytes", String.valueOf(max));
    }

    public Builder keepOnFailure(boolean keep) {
      return set("keepOnFailure", String.valueOf(keep));
    }

    /** The registry name of the journal (an in-memory one is bound there when absent). */
    public Builder journal(String beanName) {
      return set("journal", beanName);
    }

    /** This journal, bound under the journal name. */
    public Builder journal(PipelineJournal journal) {
      String name = parameters.getOrDefault("journal", PipelineSettings.DEFAULTS.get("journal"));
      beans.put(name, Objects.requireNonNull(journal, "journal"));
      return this;
    }

    public Builder presignExpiry(Duration expiry) {
      return set("presignExpiry", text(expiry));
    }

    public Builder reaperInterval(Duration interval) {
      return set("reaperInterval", text(interval));
    }

    /** Whether to add the reaper route (default true). */
    public Builder reaper(boolean enabled) {
      this.reaper = enabled;
      return this;
    }

    /**
     * The pipeline, its parameters checked.
     *
     * @throws IllegalArgumentException listing every invalid parameter
     */
    public EphemeralClusterPipeline build() {
      return new EphemeralClusterPipeline(this, PipelineSettings.parse(parameters));
    }

    private Builder set(String name, String value) {
      if (value == null) {
        parameters.remove(name);
      } else {
        parameters.put(name, value);
      }
      return this;
    }

    private static String text(Duration duration) {
      return duration == null ? null : duration.toString();
    }
  }
}
