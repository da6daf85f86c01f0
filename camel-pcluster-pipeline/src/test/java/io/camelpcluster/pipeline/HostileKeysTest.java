package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** Keys with unicode, spaces, shell syntax, only symbols or 1 KB still make valid clusters. */
class HostileKeysTest extends PipelineTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> keys(String id) {
    String longKey =
        id
            + "/"
            + "x".repeat(200)
            + "/"
            + "y".repeat(200)
            + "/"
            + "z".repeat(200)
            + "/"
            + "ü".repeat(100)
            + " ☃.txt";
    return List.of(
        id + "/données/été 2024/naïve résumé ☃.txt",
        id + "/  spaces  in  the  key  .txt",
        id + "/$(touch pwned); `id`; 'q\"' && echo.txt",
        id + "/🎉🎉🎉",
        id + "/..hidden../-rf --.txt",
        longKey);
  }

  @Test
  void everyKeyGivesAValidClusterNameAndItsResults() throws Exception {
    assumeLocalSlurm();
    String id = newPipelineId("keys");
    PipelineJournal journal = PipelineJournal.inMemory();
    EphemeralClusterPipeline pipeline =
        pipeline(id)
            .jobScript("classpath:pipeline/wc.sh")
            .maxConcurrentClusters(6)
            .journal(journal)
            .build();
    start(pipeline);
    ProducerTemplate producer = context.createProducerTemplate();
    Map<String, PutObjectResponse> puts = new LinkedHashMap<>();
    for (String key : keys(id)) {
      assertThat(key.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
      String text = "words of " + key.length();
      PutObjectResponse put = put(key, text);
      puts.put(key, put);
      producer.asyncRequestBodyAndHeaders(
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
              (long) text.getBytes(StandardCharsets.UTF_8).length));
    }

    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                journal.runs().size() == puts.size()
                    && journal.runs().stream().allMatch(r -> r.state().ended()));

    for (PipelineRun run : journal.runs()) {
      assertThat(run.state())
          .as(run.input().key() + ": " + run.error())
          .isEqualTo(RunState.SUCCEEDED);
      assertThat(run.clusterName())
          .matches("pl-[a-z0-9-]*[a-z0-9]")
          .doesNotContain("--")
          .hasSizeLessThanOrEqualTo(40);
      String folder = ResultLayout.of(id + "/", run.input()).folder();
      assertThat(result(folder + "result.txt")).contains("3\n");
      String manifest = result(folder + "result.json").orElseThrow();
      assertThat(JSON.readTree(manifest).path("input").path("key").asText())
          .isEqualTo(run.input().key());
    }
    assertThat(journal.runs())
        .extracting(r -> r.input().key())
        .containsExactlyInAnyOrderElementsOf(puts.keySet());
  }
}
