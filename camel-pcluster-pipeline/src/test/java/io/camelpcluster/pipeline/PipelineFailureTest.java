package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Each failure ends with an error report in the results bucket and the cluster deleted (or kept
 * with {@code keepOnFailure}); bad inputs never create a cluster.
 */
class PipelineFailureTest extends PipelineTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PipelineJournal journal;

  @BeforeEach
  void newJournal() {
    journal = PipelineJournal.inMemory();
  }

  /** Sends an input object to the pipeline as a trigger does and returns its results folder. */
  String send(EphemeralClusterPipeline pipeline, String key, String text) {
    PutObjectResponse put = put(key, text);
    context
        .createProducerTemplate()
        .sendBodyAndHeaders(
            pipeline.entryUri(),
            null,
            Map.of(
                AWS2S3Constants.BUCKET_NAME,
                INPUTS,
                AWS2S3Constants.KEY,
                key,
                AWS2S3Constants.E_TAG,
                put.eTag(),
                AWS2S3Constants.CONTENT_LENGTH,
                (long) text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    return ResultLayout.of(
            pipeline.settings().resultsPrefix(), new InputObject(INPUTS, key, put.eTag()))
        .folder();
  }

  PipelineRun endedRun() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !journal.runs().isEmpty() && journal.runs().get(0).state().ended());
    return journal.runs().get(0);
  }

  JsonNode errorReport(String folder) throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> result(folder + "error.json").isPresent());
    return JSON.readTree(result(folder + "error.json").orElseThrow());
  }

  @Test
  void aFailingJobGivesAnErrorReportWithTheLogTailAndTheClusterIsDeleted() throws Exception {
    assumeLocalSlurm();
    String id = newPipelineId("jobfails");
    EphemeralClusterPipeline pipeline =
        pipeline(id).jobScript("classpath:pipeline/fail.sh").outputFiles().journal(journal).build();
    start(pipeline);

    String folder = send(pipeline, id + "/in.txt", "some words");

    PipelineRun run = endedRun();
    assertThat(run.state()).isEqualTo(RunState.FAILED);
    JsonNode report = errorReport(folder);
    assertThat(report.path("step").asText()).isEqualTo("collect");
    assertThat(report.path("message").asText()).contains("FAILED").contains("exit code 3");
    assertThat(report.path("jobLogTail").asText())
        .contains("reading the input")
        .contains("the input is not what this job wants");
    assertThat(report.path("clusterName").asText()).isEqualTo(run.clusterName());
    assertThat(report.path("input").path("key").asText()).isEqualTo(id + "/in.txt");
    assertThat(result(folder + "job.log").orElseThrow()).contains("reading the input");
    assertThat(describe(run.clusterName())).isEmpty();
    assertThat(result(folder + "result.json")).isEmpty();
  }

  @Test
  void keepOnFailureKeepsTheClusterOfAFailedJobWithItsExpiryTag() throws Exception {
    assumeLocalSlurm();
    String id = newPipelineId("keep");
    EphemeralClusterPipeline pipeline =
        pipeline(id)
            .jobScript("classpath:pipeline/fail.sh")
            .outputFiles()
            .keepOnFailure(true)
            .clusterTtl(Duration.ofHours(2))
            .journal(journal)
            .build();
    start(pipeline);

    String folder = send(pipeline, id + "/in.txt", "some words");

    PipelineRun run = endedRun();
    assertThat(run.state()).isEqualTo(RunState.FAILED);
    errorReport(folder);
    DescribeClusterResponse kept = describe(run.clusterName()).orElseThrow();
    assertThat(kept.clusterStatus()).isEqualTo(ClusterStatus.CREATE_COMPLETE);
    Map<String, String> tags =
        kept.tags().stream().collect(java.util.stream.Collectors.toMap(Tag::key, Tag::value));
    assertThat(tags)
        .containsEntry(PipelineTags.PIPELINE, id)
        .containsEntry(PipelineTags.RUN, run.runId())
        .containsEntry(PipelineTags.OWNER, "tests");
    assertThat(Instant.parse(tags.get(PipelineTags.EXPIRES)))
        .isBetween(
            Instant.now().plus(Duration.ofMinutes(100)), Instant.now().plus(Duration.ofHours(2)));
    api.deleteCluster(
        io.camelpcluster.pcluster.api.model.DeleteClusterRequest.of(run.clusterName()));
  }

  @Test
  void aFailedCreationGivesAnErrorReportWithTheStackEventsAndTheClusterIsDeleted()
      throws Exception {
    String id = newPipelineId("createfails");
    EphemeralClusterPipeline pipeline = pipeline(id).journal(journal).build();
    start(pipeline);
    emulator().faults().failNextCreates(1, "OnNodeConfiguredExecutionFailure");

    String folder = send(pipeline, id + "/in.txt", "some words");

    PipelineRun run = endedRun();
    assertThat(run.state()).isEqualTo(RunState.FAILED);
    JsonNode report = errorReport(folder);
    assertThat(report.path("step").asText()).isEqualTo("create");
    assertThat(report.path("exceptionType").asText()).endsWith("WaitFailedException");
    assertThat(report.path("stackEvents").size()).isPositive();
    assertThat(report.path("stackEvents").toString()).contains("CREATE_FAILED");
    await().atMost(Duration.ofSeconds(20)).until(() -> describe(run.clusterName()).isEmpty());
    assertThat(run.step("delete")).isPresent();
  }

  @Test
  void anInvalidTemplateGivesAnErrorReportAndNoCluster() throws Exception {
    String id = newPipelineId("badtemplate");
    EphemeralClusterPipeline pipeline =
        pipeline(id)
            .configTemplate("classpath:pipeline/invalid-cluster.yaml")
            .journal(journal)
            .build();
    start(pipeline);

    String folder = send(pipeline, id + "/in.txt", "some words");

    PipelineRun run = endedRun();
    assertThat(run.state()).isEqualTo(RunState.FAILED);
    JsonNode report = errorReport(folder);
    assertThat(report.path("step").asText()).isEqualTo("create");
    assertThat(describe(run.clusterName())).isEmpty();
    assertThat(run.step("delete")).isEmpty();
  }

  @Test
  void emptyAndTooBigInputsGetAnErrorReportAndNoClusterIsRequested() throws Exception {
    String id = newPipelineId("badinput");
    EphemeralClusterPipeline pipeline = pipeline(id).maxInputBytes(10).journal(journal).build();
    start(pipeline);
    long creates = emulator().requests().count("POST", "/clusters");

    String empty = send(pipeline, id + "/empty.txt", "");
    String big = send(pipeline, id + "/big.txt", "more than ten bytes");

    JsonNode emptyReport = errorReport(empty);
    JsonNode bigReport = errorReport(big);
    assertThat(emptyReport.path("step").asText()).isEqualTo("check");
    assertThat(emptyReport.path("message").asText()).contains("is empty");
    assertThat(emptyReport.path("exceptionType").asText()).endsWith("InputRejectedException");
    assertThat(bigReport.path("message").asText()).contains("maxInputBytes 10");
    assertThat(journal.runs()).hasSize(2).allMatch(r -> r.state() == RunState.FAILED);
    assertThat(emulator().requests().count("POST", "/clusters")).isEqualTo(creates);
  }
}
