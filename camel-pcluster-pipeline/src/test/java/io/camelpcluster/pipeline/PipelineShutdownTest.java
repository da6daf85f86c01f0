package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Stopping the application with a run in flight deletes its cluster and abandons the run, so that a
 * restarted application processes its input again.
 */
class PipelineShutdownTest extends PipelineTestSupport {

  @Test
  void stoppingWithAJobRunningDeletesItsClusterAndAbandonsTheRun() throws Exception {
    assumeLocalSlurm();
    String id = newPipelineId("stop");
    PipelineJournal journal = PipelineJournal.inMemory();
    EphemeralClusterPipeline pipeline =
        pipeline(id)
            .jobScript("classpath:pipeline/sleep.sh")
            .outputFiles()
            .journal(journal)
            .build();
    start(pipeline);
    PutObjectResponse put = put(id + "/long.txt", "long work");
    context
        .createProducerTemplate()
        .asyncRequestBodyAndHeaders(
            pipeline.entryUri(),
            null,
            Map.of(
                AWS2S3Constants.BUCKET_NAME,
                INPUTS,
                AWS2S3Constants.KEY,
                id + "/long.txt",
                AWS2S3Constants.E_TAG,
                put.eTag(),
                AWS2S3Constants.CONTENT_LENGTH,
                9L));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !journal.runs().isEmpty()
                    && journal.runs().get(0).step("job").isPresent()
                    && journal.runs().get(0).step("job").get().ended() == null);
    String cluster = journal.runs().get(0).clusterName();
    assertThat(describe(cluster)).isPresent();

    context.stop();
    context = null;

    assertThat(describe(cluster)).isEmpty();
    PipelineRun run = journal.runs().get(0);
    assertThat(run.state()).isEqualTo(RunState.ABANDONED);
    assertThat(run.error()).startsWith("shutdown");
    assertThat(journal.contains(run.input().idempotencyKey()))
        .as("the input is free to run again")
        .isFalse();
  }
}
