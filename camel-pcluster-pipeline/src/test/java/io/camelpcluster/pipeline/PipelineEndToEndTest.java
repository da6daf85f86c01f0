package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** One input through the whole pipeline on the real Slurm: the happy path and failing jobs. */
class PipelineEndToEndTest extends PipelineTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void slurm() {
    assumeLocalSlurm();
  }

  @Test
  void anInputIsCountedByATwoRankMpiJobAndTheClusterIsDeleted() throws Exception {
    String id = newPipelineId("happy");
    PipelineJournal journal = PipelineJournal.inMemory();
    EphemeralClusterPipeline pipeline =
        pipeline(id)
            .inputBucket(INPUTS)
            .inputPrefix(id + "/")
            .pollDelay(Duration.ofMillis(200))
            .journal(journal)
            .build();
    String text = "the quick brown fox\njumps over\n\tthe lazy dog  \n";
    PutObjectResponse put = put(id + "/fox.txt", text);

    start(pipeline);

    String folder =
        ResultLayout.of(id + "/", new InputObject(INPUTS, id + "/fox.txt", put.eTag())).folder();
    await().atMost(Duration.ofSeconds(90)).until(() -> result(folder + "result.json").isPresent());
    PipelineRun run = journal.runs().get(0);
    assertThat(run.state()).as(run.error()).isEqualTo(RunState.SUCCEEDED);
    assertThat(result(folder + "result.txt")).contains("9\n");
    assertThat(result(folder + "job.log").orElseThrow()).contains("ranks=2 words=9");
    JsonNode manifest = JSON.readTree(result(folder + "result.json").orElseThrow());
    assertThat(manifest.path("input").path("key").asText()).isEqualTo(id + "/fox.txt");
    assertThat(manifest.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(manifest.path("outputKeys").get(0).asText()).isEqualTo(folder + "result.txt");
    assertThat(run.steps())
        .extracting(RunStep::name)
        .containsExactly("check", "slot", "create", "stage", "job", "collect", "delete");
    assertThat(describe(run.clusterName())).isEmpty();
    assertThat(clusters()).noneMatch(c -> c.clusterName().equals(run.clusterName()));
    assertThat(result(folder + "error.json")).isEmpty();
  }
}
