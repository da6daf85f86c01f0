package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultManifestTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
  private final PipelineJournal journal = new PipelineJournal(new RunStore.Memory(), "inst", clock);

  @Test
  void recordsTheRunWithStepTimingsAndOutputKeys() throws Exception {
    InputObject input = new InputObject("inputs", "in/Größe 数据.txt", "etag", 123L);
    ResultLayout layout = ResultLayout.of("results/", input);
    PipelineRun run = journal.begin("demo", input);
    journal.clusterName(run.runId(), "pl-grosse-txt-12345678");
    journal.stepStarted(run.runId(), "submitJob");
    journal.jobId(run.runId(), "7");
    clock.advance(Duration.ofSeconds(90));
    journal.stepEnded(run.runId(), "submitJob", null);
    run = journal.succeed(run.runId(), layout.folder());

    ResultManifest manifest =
        ResultManifest.of(run, List.of(layout.outputKey("result.txt")), layout.jobLogKey());
    JsonNode json = PipelineJson.MAPPER.readTree(manifest.toJson());

    assertThat(json.get("input").get("bucket").asText()).isEqualTo("inputs");
    assertThat(json.get("input").get("key").asText()).isEqualTo("in/Größe 数据.txt");
    assertThat(json.get("input").get("eTag").asText()).isEqualTo("etag");
    assertThat(json.get("input").get("size").asLong()).isEqualTo(123);
    assertThat(json.get("runId").asText()).isEqualTo(run.runId());
    assertThat(json.get("clusterName").asText()).isEqualTo("pl-grosse-txt-12345678");
    assertThat(json.get("jobId").asText()).isEqualTo("7");
    assertThat(json.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(json.get("steps").get(0).get("started").asText()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(json.get("steps").get(0).get("ended").asText()).isEqualTo("2026-11-25T10:01:30Z");
    assertThat(json.get("steps").get(0).get("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(json.get("outputKeys").get(0).asText()).isEqualTo(layout.folder() + "result.txt");
    assertThat(json.get("jobLogKey").asText()).isEqualTo(layout.folder() + "job.log");
    assertThat(ResultManifest.fromJson(manifest.toJson())).isEqualTo(manifest);
  }

  @Test
  void layoutFoldersAreShortReadableAndDistinctPerVersion() {
    InputObject input = new InputObject("inputs", "in/Größe 数据.txt", "etag");
    ResultLayout layout = ResultLayout.of("results/", input);
    assertThat(layout.folder())
        .isEqualTo("results/grosse-txt-" + input.idempotencyKey().substring(0, 12) + "/");
    assertThat(layout.manifestKey()).isEqualTo(layout.folder() + "result.json");
    assertThat(layout.errorKey()).isEqualTo(layout.folder() + "error.json");
    assertThat(layout.jobLogKey()).isEqualTo(layout.folder() + "job.log");
    assertThat(ResultLayout.of("results/", new InputObject("inputs", "in/Größe 数据.txt", "e2")))
        .isNotEqualTo(layout);
  }

  @Test
  void layoutFoldersFitS3KeysWhateverTheInputKey() {
    for (String key : List.of("x".repeat(1024), "🎉/🎉", "../../etc/passwd", "a\nb", "/")) {
      ResultLayout layout = ResultLayout.of("results/", new InputObject("b", key, "e"));
      assertThat(layout.folder()).matches("results/([a-z0-9-]+-)?[0-9a-f]{12}/");
      assertThat(layout.manifestKey().getBytes(StandardCharsets.UTF_8).length).isLessThan(100);
    }
  }

  @Test
  void outputKeysTakePlainFileNamesOnly() {
    ResultLayout layout = ResultLayout.of("r/", new InputObject("b", "k", "e"));
    assertThat(layout.outputKey("out put.txt")).isEqualTo(layout.folder() + "out put.txt");
    assertThatThrownBy(() -> layout.outputKey("../escape.txt"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aManifestOfARunningRunHasNoEnd() {
    PipelineRun run = journal.begin("demo", new InputObject("b", "k", "e"));
    ResultManifest manifest = ResultManifest.of(run, null, null);
    assertThat(manifest.ended()).isNull();
    assertThat(manifest.outputKeys()).isEmpty();
    assertThat(ResultManifest.fromJson(manifest.toJson())).isEqualTo(manifest);
  }
}
