package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.aws2.sqs.Sqs2Component;
import org.apache.camel.component.aws2.sqs.Sqs2Configuration;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SQS trigger over the real SQS protocol: ElasticMQ (an SQS-compatible server, in-process on a
 * free port) holds the queue of the input bucket's S3 event notifications, which the test sends as
 * S3 would; the pipeline runs on the emulator and the local Slurm as in {@link
 * PipelineEndToEndTest}.
 */
class SqsTriggerEndToEndTest extends PipelineTestSupport {

  private static final String REGION = "eu-west-1";
  private static final String ACCESS_KEY = "sqs-test-access-key";
  private static final String SECRET_KEY = "sqs-test-secret-key";
  private static final String TEXT = "the quick brown fox\njumps over\n\tthe lazy dog  \n";

  private static SQSRestServer elasticMq;
  private static URI sqsEndpoint;
  private static SqsClient sqs;

  @BeforeAll
  static void startSqs() {
    assumeLocalSlurm();
    elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    int port = elasticMq.waitUntilStarted().localAddress().getPort();
    sqsEndpoint = URI.create("http://127.0.0.1:" + port);
    sqs =
        SqsClient.builder()
            .endpointOverride(sqsEndpoint)
            .region(Region.of(REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .build();
  }

  @AfterAll
  static void stopSqs() {
    if (sqs != null) {
      sqs.close();
    }
    if (elasticMq != null) {
      elasticMq.stopAndWait();
    }
  }

  @Test
  void aNotificationDeliveredTwiceMakesOneRunAndBothMessagesAreDeleted() throws Exception {
    String id = newPipelineId("sqs");
    String queueUrl = sqs.createQueue(b -> b.queueName(id)).queueUrl();
    PipelineJournal journal = PipelineJournal.inMemory();
    String key = id + "/in put/résumé 日本語 (1).txt";
    PutObjectResponse put = put(key, TEXT);
    long size = TEXT.getBytes(StandardCharsets.UTF_8).length;
    long creates = emulator().requests().count("POST", "/clusters");
    startWithSqsTrigger(pipeline(id).sqsQueue(id).journal(journal).build());

    String notification = objectCreated(INPUTS, key, put.eTag(), size);
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(notification));
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(notification));

    // while the run is in progress its message stays in flight: a crash would redeliver it
    await("a run in progress, its message still in the queue")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                journal.runs().stream().anyMatch(r -> r.state() == RunState.RUNNING)
                    && messagesIn(queueUrl) > 0);

    String folder = ResultLayout.of(id + "/", new InputObject(INPUTS, key, put.eTag())).folder();
    await("result.json")
        .atMost(Duration.ofSeconds(90))
        .until(() -> result(folder + "result.json").isPresent());
    assertThat(journal.runs()).hasSize(1);
    PipelineRun run = journal.runs().get(0);
    assertThat(run.state()).as(run.error()).isEqualTo(RunState.SUCCEEDED);
    assertThat(run.input()).isEqualTo(new InputObject(INPUTS, key, put.eTag(), size));
    JsonNode manifest = new ObjectMapper().readTree(result(folder + "result.json").orElseThrow());
    assertThat(manifest.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(manifest.path("input").path("key").asText()).isEqualTo(key);
    assertThat(result(folder + "result.txt")).contains("9\n");
    await("the run's cluster gone")
        .atMost(Duration.ofSeconds(30))
        .until(() -> clusters().stream().noneMatch(c -> c.clusterName().equals(run.clusterName())));
    // both deliveries are deleted once their exchanges are done: nothing comes back
    await("an empty queue").atMost(Duration.ofSeconds(30)).until(() -> messagesIn(queueUrl) == 0);
    assertThat(emulator().requests().count("POST", "/clusters")).isEqualTo(creates + 1);
    assertThat(journal.runs()).hasSize(1);
  }

  @Test
  void theTestEventS3SendsWhenNotificationsAreConfiguredIsConsumedAndIgnored() throws Exception {
    String id = newPipelineId("sqs-test-event");
    String queueUrl = sqs.createQueue(b -> b.queueName(id)).queueUrl();
    PipelineJournal journal = PipelineJournal.inMemory();
    long creates = emulator().requests().count("POST", "/clusters");
    startWithSqsTrigger(pipeline(id).sqsQueue(id).journal(journal).build());

    sqs.sendMessage(
        b ->
            b.queueUrl(queueUrl)
                .messageBody(
                    """
                    {"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2026-11-25T10:00:00.000Z",
                     "Bucket":"%s","RequestId":"5582815E1AEA5ADF",
                     "HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3e"}
                    """
                        .formatted(INPUTS)));

    await("an empty queue").atMost(Duration.ofSeconds(30)).until(() -> messagesIn(queueUrl) == 0);
    assertThat(journal.runs()).isEmpty();
    assertThat(emulator().requests().count("POST", "/clusters")).isEqualTo(creates);
  }

  /** Starts a context whose aws2-sqs component talks to ElasticMQ, then adds the pipeline. */
  private void startWithSqsTrigger(EphemeralClusterPipeline pipeline) throws Exception {
    CamelContext camel = newContext();
    Sqs2Configuration configuration =
        camel.getComponent("aws2-sqs", Sqs2Component.class).getConfiguration();
    configuration.setOverrideEndpoint(true);
    configuration.setUriEndpointOverride(sqsEndpoint.toString());
    configuration.setRegion(REGION);
    configuration.setAccessKey(ACCESS_KEY);
    configuration.setSecretKey(SECRET_KEY);
    context = camel;
    camel.start();
    pipeline.addTo(camel);
  }

  /** The messages of the queue, visible or in flight. */
  private static long messagesIn(String queueUrl) {
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Long.parseLong(
            attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  /**
   * An ObjectCreated:Put notification as S3 sends it: the key URL-encoded ({@code +} for a space,
   * slashes kept), the entity tag without quotes.
   */
  private static String objectCreated(String bucket, String key, String eTag, long size) {
    String encodedKey = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    return """
        {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"%s",
          "eventTime":"2026-11-25T10:00:00.000Z","eventName":"ObjectCreated:Put",
          "userIdentity":{"principalId":"AWS:AIDAEXAMPLE"},
          "requestParameters":{"sourceIPAddress":"127.0.0.1"},
          "responseElements":{"x-amz-request-id":"C3D13FE58DE4C810"},
          "s3":{"s3SchemaVersion":"1.0","configurationId":"pipeline",
            "bucket":{"name":"%s","ownerIdentity":{"principalId":"A3NL1KOZZKExample"},
              "arn":"arn:aws:s3:::%s"},
            "object":{"key":"%s","size":%d,"eTag":"%s","sequencer":"0055AED6DCD90281E5"}}}]}
        """
        .formatted(REGION, bucket, bucket, encodedKey, size, eTag.replace("\"", ""));
  }
}
