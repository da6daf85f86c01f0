package io.camelpcluster.pipeline;

import io.camelpcluster.pcluster.PclusterConstants;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Message;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Prepares a run's job: a presigned GET of the input and a presigned PUT for each declared output
 * (valid {@code presignExpiry}), wrapped with the user's script by {@link StagedJobScript}, and the
 * job's resources, all as the pcluster component's submitJob headers. The job's environment names
 * the input file ({@code PIPELINE_INPUT}), the run ({@code PIPELINE_RUN_ID}) and the pipeline
 * ({@code PIPELINE_ID}). The URLs are secrets: they are in the script header only, never logged.
 */
final class JobStaging {

  private final PipelineSettings settings;
  private final String userScript;
  private final S3Presigner presigner;

  JobStaging(PipelineSettings settings, String userScript, S3Presigner presigner) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.userScript = Objects.requireNonNull(userScript, "userScript");
    this.presigner = Objects.requireNonNull(presigner, "presigner");
  }

  /** Sets the submitJob headers of the run's job on the message (its body is cleared). */
  void stage(Message message, InputObject input, String runId) {
    ResultLayout layout = ResultLayout.of(settings.resultsPrefix(), input);
    Map<String, String> outputUrls = new LinkedHashMap<>();
    for (String file : settings.outputFiles()) {
      outputUrls.put(file, putUrl(settings.resultsBucket(), layout.outputKey(file)));
    }
    StagedJobScript script =
        StagedJobScript.of(
            input.key(), getUrl(input.bucket(), input.key()), userScript, outputUrls, null);
    message.setBody(null);
    message.setHeader(PclusterConstants.JOB_SCRIPT, script.render());
    message.setHeader(
        PclusterConstants.JOB_ENV,
        Map.of(
            "PIPELINE_INPUT", script.inputFileName(),
            "PIPELINE_RUN_ID", runId,
            "PIPELINE_ID", settings.pipelineId()));
    message.setHeader(
        PclusterConstants.JOB_NAME, message.getHeader(PclusterConstants.CLUSTER_NAME));
    message.setHeader(
        PclusterConstants.JOB_WORKING_DIRECTORY,
        "pcluster-pipeline/" + settings.pipelineId() + "/" + runId);
    setIfPresent(message, PclusterConstants.JOB_NODES, settings.nodes());
    setIfPresent(message, PclusterConstants.JOB_NTASKS, settings.ntasks());
    setIfPresent(message, PclusterConstants.JOB_PARTITION, settings.partition());
    setIfPresent(message, PclusterConstants.JOB_TIME_LIMIT, settings.timeLimit());
  }

  private String getUrl(String bucket, String key) {
    return presigner
        .presignGetObject(
            p ->
                p.signatureDuration(settings.presignExpiry())
                    .getObjectRequest(g -> g.bucket(bucket).key(key)))
        .url()
        .toString();
  }

  private String putUrl(String bucket, String key) {
    return presigner
        .presignPutObject(
            p ->
                p.signatureDuration(settings.presignExpiry())
                    .putObjectRequest(o -> o.bucket(bucket).key(key)))
        .url()
        .toString();
  }

  private static void setIfPresent(Message message, String header, Object value) {
    if (value != null) {
      message.setHeader(header, value);
    }
  }
}
