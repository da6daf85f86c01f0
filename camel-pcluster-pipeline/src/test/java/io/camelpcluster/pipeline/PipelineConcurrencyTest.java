package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** Duplicate events and many inputs at once, through the S3 trigger. */
class PipelineConcurrencyTest extends PipelineTestSupport {

  @BeforeAll
  static void slurm() {
    assumeLocalSlurm();
  }

  @Test
  void anObjectListedAgainAndAgainAndSentTwiceMakesOneClusterOnly() throws Exception {
    String id = newPipelineId("dup");
    PipelineJournal journal = PipelineJournal.inMemory();
    EphemeralClusterPipeline pipeline =
        pipeline(id)
            .inputBucket(INPUTS)
            .inputPrefix(id + "/")
            .pollDelay(Duration.ofMillis(100))
            .jobScript("classpath:pipeline/wc.sh")
            .journal(journal)
            .build();
    long creates = emulator().requests().count("POST", "/clusters");
    PutObjectResponse put = put(id + "/once.txt", "one two three");
    start(pipeline);
    Map<String, Object> event =
        Map.of(
            AWS2S3Constants.BUCKET_NAME,
            INPUTS,
            AWS2S3Constants.KEY,
            id + "/once.txt",
            AWS2S3Constants.E_TAG,
            put.eTag(),
            AWS2S3Constants.CONTENT_LENGTH,
            13L);
    context.createProducerTemplate().sendBodyAndHeaders(pipeline.entryUri(), null, event);
    context.createProducerTemplate().sendBodyAndHeaders(pipeline.entryUri(), null, event);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> journal.runs().stream().anyMatch(r -> r.state() == RunState.SUCCEEDED));
    // the trigger keeps listing the object: still one run, one cluster
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(() -> journal.runs().size() == 1);
    assertThat(emulator().requests().count("POST", "/clusters")).isEqualTo(creates + 1);
    String folder =
        ResultLayout.of(id + "/", new InputObject(INPUTS, id + "/once.txt", put.eTag())).folder();
    assertThat(result(folder + "result.txt")).contains("3\n");
  }

  @Test
  void twentyInputsNeverHaveMoreThanThreeClustersAtOnceAndAllGetResults() throws Exception {
    String id = newPipelineId("many");
    PipelineJournal journal = PipelineJournal.inMemory();
    EphemeralClusterPipeline pipeline =
        pipeline(id)
            .inputBucket(INPUTS)
            .inputPrefix(id + "/")
            .pollDelay(Duration.ofMillis(200))
            .jobScript("classpath:pipeline/wc.sh")
            .maxConcurrentClusters(3)
            .journal(journal)
            .build();
    List<PutObjectResponse> puts =
        IntStream.range(0, 20)
            .mapToObj(i -> put(id + "/input-" + i + ".txt", "word ".repeat(i + 1)))
            .toList();
    AtomicInteger most = new AtomicInteger();
    start(pipeline);

    await()
        .atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              most.accumulateAndGet(
                  (int)
                      clusters().stream()
                          .filter(c -> c.clusterName().startsWith("pl-input-"))
                          .count(),
                  Math::max);
              return journal.runs().size() == 20
                  && journal.runs().stream().allMatch(r -> r.state().ended());
            });

    assertThat(most.get()).isBetween(1, 3);
    assertThat(journal.runs()).allMatch(r -> r.state() == RunState.SUCCEEDED);
    for (int i = 0; i < 20; i++) {
      String folder =
          ResultLayout.of(
                  id + "/",
                  new InputObject(INPUTS, id + "/input-" + i + ".txt", puts.get(i).eTag()))
              .folder();
      assertThat(result(folder + "result.txt")).as("input %d", i).contains((i + 1) + "\n");
    }
    assertThat(clusters()).noneMatch(c -> c.clusterName().startsWith("pl-input-"));
  }
}
