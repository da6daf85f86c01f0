package io.camelpcluster.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelpcluster.pipeline.InputObject;
import io.camelpcluster.pipeline.PipelineJournal;
import io.camelpcluster.pipeline.PipelineRun;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

/** Pipeline runs read from the PipelineJournal beans of the registry. */
class PipelineRunsApiTest extends ConsoleTestSupport {

  private static final String HOSTILE_KEY = "in/<img src=x onerror=alert(1)>\n../ünïcode $(id).dat";

  private final PipelineJournal first = PipelineJournal.inMemory();
  private final PipelineJournal second = PipelineJournal.inMemory();

  @Override
  ConsoleSettings settings() {
    return ConsoleSettings.builder()
        .enabled(true)
        .user(USER, PASSWORD)
        .cacheTtl(Duration.ZERO)
        .resultsUrl("https://results.example/browse?prefix=")
        .build();
  }

  @Override
  protected CamelContext createCamelContext() throws Exception {
    CamelContext context = super.createCamelContext();
    context.getRegistry().bind("journal", first);
    context.getRegistry().bind("otherJournal", second);
    return context;
  }

  @Test
  void listsRunsOfEveryJournalNewestFirstWithTheirSteps() throws Exception {
    PipelineRun done = first.begin("demo", new InputObject("in-bucket", "data/a.csv", "e1", 10L));
    first.clusterName(done.runId(), "pl-a-csv-1234abcd");
    first.stepStarted(done.runId(), "create-cluster");
    first.stepEnded(done.runId(), "create-cluster", null);
    first.jobId(done.runId(), "42");
    first.stepStarted(done.runId(), "run-job");
    first.stepEnded(done.runId(), "run-job", null);
    first.succeed(done.runId(), "results/a-csv-0123456789ab/");

    PipelineRun failed = second.begin("demo", new InputObject("in-bucket", HOSTILE_KEY, "e2", 5L));
    second.stepStarted(failed.runId(), "create-cluster");
    second.stepEnded(failed.runId(), "create-cluster", "CREATE_FAILED: <b>boom</b>");
    second.fail(failed.runId(), "cluster creation failed", null);

    JsonNode runs = getJson("/pcluster/api/pipeline-runs");
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).path("runId").asText()).isEqualTo(failed.runId());
    assertThat(runs.get(1).path("runId").asText()).isEqualTo(done.runId());

    JsonNode ok = runs.get(1);
    assertThat(ok.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(ok.path("input").path("key").asText()).isEqualTo("data/a.csv");
    assertThat(ok.path("clusterName").asText()).isEqualTo("pl-a-csv-1234abcd");
    assertThat(ok.path("jobId").asText()).isEqualTo("42");
    assertThat(ok.path("durationMillis").asLong()).isNotNegative();
    assertThat(ok.path("resultLink").asText())
        .isEqualTo("https://results.example/browse?prefix=results%2Fa-csv-0123456789ab%2F");
    assertThat(ok.path("steps"))
        .extracting(s -> s.path("name").asText() + ":" + s.path("outcome").asText())
        .containsExactly("create-cluster:SUCCEEDED", "run-job:SUCCEEDED");

    JsonNode bad = getJson("/pcluster/api/pipeline-runs/" + failed.runId());
    assertThat(bad.path("state").asText()).isEqualTo("FAILED");
    assertThat(bad.path("input").path("key").asText()).isEqualTo(HOSTILE_KEY);
    assertThat(bad.path("error").asText()).isEqualTo("cluster creation failed");
    assertThat(bad.path("steps").get(0).path("error").asText())
        .isEqualTo("CREATE_FAILED: <b>boom</b>");
    assertThat(bad.path("resultLink").isNull()).isTrue();
  }

  @Test
  void anUnknownRunIsA404() throws Exception {
    assertThat(get("/pcluster/api/pipeline-runs/no-such-run").statusCode()).isEqualTo(404);
  }
}
