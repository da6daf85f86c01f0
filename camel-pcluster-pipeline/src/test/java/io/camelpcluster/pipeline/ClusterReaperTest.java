package io.camelpcluster.pipeline;

import static org.awaitility.Awaitility.await;

import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.DeleteClusterRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reaper route deletes what the pipeline left behind, and nothing else. */
class ClusterReaperTest extends PipelineTestSupport {

  @Test
  void deletesExpiredOrphanedAndUnknownClustersOnlyOfItsPipeline() throws Exception {
    String id = newPipelineId("reap");
    PipelineJournal journal = PipelineJournal.inMemory("this-instance");
    PipelineRun inFlight = journal.begin(id, new InputObject(INPUTS, "a.txt", "e1"));
    PipelineRun failed = journal.begin(id, new InputObject(INPUTS, "b.txt", "e2"));
    journal.fail(failed.runId(), "job failed", null);
    Instant past = Instant.now().minusSeconds(60);
    Instant future = Instant.now().plus(Duration.ofHours(1));
    String n = id.replace("reap-", "r");
    String expired = create(n + "-expired", tags(id, "this-instance", "gone-run", past));
    String orphan = create(n + "-orphan", tags(id, "dead-instance", "some-run", future));
    String unknown = create(n + "-unknown", tags(id, "this-instance", "unknown-run", future));
    String running = create(n + "-running", tags(id, "this-instance", inFlight.runId(), past));
    String kept = create(n + "-kept", tags(id, "this-instance", failed.runId(), future));
    String foreign = create(n + "-foreign", tags("another-pipeline", "dead-instance", "x", past));
    String untagged = create(n + "-untagged", Map.of());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                clusters().stream()
                        .filter(c -> c.clusterName().startsWith(n + "-"))
                        .filter(c -> c.clusterStatus() == ClusterStatus.CREATE_COMPLETE)
                        .count()
                    == 7);

    start(
        pipeline(id).journal(journal).reaper(true).reaperInterval(Duration.ofMillis(500)).build());

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                describe(expired).isEmpty()
                    && describe(orphan).isEmpty()
                    && describe(unknown).isEmpty());
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                List.of(running, kept, foreign, untagged).stream()
                    .allMatch(
                        name ->
                            describe(name)
                                .map(c -> c.clusterStatus() == ClusterStatus.CREATE_COMPLETE)
                                .orElse(false)));
    for (String name : List.of(running, kept, foreign, untagged)) {
      api.deleteCluster(DeleteClusterRequest.of(name));
    }
  }

  private static Map<String, String> tags(
      String pipelineId, String instance, String runId, Instant expires) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(PipelineTags.PIPELINE, pipelineId);
    tags.put(PipelineTags.INSTANCE, instance);
    tags.put(PipelineTags.RUN, runId);
    tags.put(PipelineTags.EXPIRES, expires.toString());
    return tags;
  }

  private static String create(String name, Map<String, String> tags) throws IOException {
    StringBuilder yaml = new StringBuilder(template());
    if (!tags.isEmpty()) {
      yaml.append("Tags:\n");
      tags.forEach(
          (key, value) ->
              yaml.append("  - Key: \"")
                  .append(key)
                  .append("\"\n    Value: \"")
                  .append(value)
                  .append("\"\n"));
    }
    api.createCluster(CreateClusterRequest.of(name, yaml.toString()));
    return name;
  }

  private static String template() throws IOException {
    try (InputStream in = ClusterReaperTest.class.getResourceAsStream("/pipeline/cluster.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
