package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** S3 event notifications as SQS delivers them, and the SQS trigger template that reads them. */
class S3EventNotificationsTest {

  static String event(String eventName, String key, long size, String eTag) {
    return """
        {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1",
          "eventTime":"2026-11-25T10:00:00.000Z","eventName":"%s",
          "s3":{"s3SchemaVersion":"1.0","configurationId":"pipeline",
            "bucket":{"name":"inbox","arn":"arn:aws:s3:::inbox"},
            "object":{"key":"%s","size":%d,"eTag":"%s","sequencer":"0055AED6DCD90281E5"}}}]}
        """
        .formatted(eventName, key, size, eTag);
  }

  @Test
  void aCreatedObjectIsReadWithItsKeyUrlDecoded() {
    List<InputObject> inputs =
        S3EventNotifications.inputs(
            event(
                "ObjectCreated:Put",
                "input+files/r%C3%A9sum%C3%A9+%281%29+%2B+%26.txt",
                1024,
                "0123456789abcdef"));

    assertThat(inputs)
        .containsExactly(
            new InputObject("inbox", "input files/résumé (1) + &.txt", "0123456789abcdef", 1024L));
  }

  @Test
  void testEventsRemovalsAndEmptyMessagesGiveNothing() {
    String testEvent =
        """
        {"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2026-11-25T10:00:00.000Z",
         "Bucket":"inbox","RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3e"}
        """;
    assertThat(S3EventNotifications.inputs(testEvent)).isEmpty();
    assertThat(S3EventNotifications.inputs(event("ObjectRemoved:Delete", "a.txt", 0, "e")))
        .isEmpty();
    assertThat(S3EventNotifications.inputs("")).isEmpty();
    assertThat(S3EventNotifications.inputs(null)).isEmpty();
  }

  @Test
  void aNotificationWrappedInSnsIsUnwrapped() {
    String inner = event("ObjectCreated:CompleteMultipartUpload", "big.bin", 5L << 30, "abc-3");
    String sns =
        "{\"Type\":\"Notification\",\"MessageId\":\"1\",\"TopicArn\":\"arn:aws:sns:eu-west-1:1:t\","
            + "\"Message\":"
            + new com.fasterxml.jackson.databind.node.TextNode(inner)
            + "}";

    assertThat(S3EventNotifications.inputs(sns))
        .containsExactly(new InputObject("inbox", "big.bin", "abc-3", 5L << 30));
  }

  @Test
  void malformedMessagesAreRefusedClearly() {
    assertThatThrownBy(() -> S3EventNotifications.inputs("{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an S3 event notification");
    assertThatThrownBy(
            () ->
                S3EventNotifications.inputs(
                    "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{}}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s3.object.key");
    assertThatThrownBy(() -> S3EventNotifications.inputs("x".repeat(300 * 1024)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256 KB");
  }

  @Test
  void theSqsTriggerSendsEachCreatedObjectToThePipelineWithTheS3Headers() throws Exception {
    try (CamelContext context = new DefaultCamelContext()) {
      EphemeralClusterPipeline.loadTemplates(context);
      context.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from("direct:pcluster-pipeline-sqs").to("mock:pipeline");
            }
          });
      TemplatedRouteBuilder.builder(context, EphemeralClusterPipeline.SQS_TRIGGER_TEMPLATE)
          .routeId("trigger")
          .parameter("pipelineId", "sqs")
          .parameter("queue", "notifications")
          .add();
      AdviceWith.adviceWith(context, "trigger", a -> a.replaceFromWith("direct:queue"));
      context.start();
      MockEndpoint pipeline = context.getEndpoint("mock:pipeline", MockEndpoint.class);
      pipeline.expectedMessageCount(1);

      context
          .createProducerTemplate()
          .sendBody("direct:queue", event("ObjectCreated:Put", "in/a+b.txt", 12, "etag1"));
      context.createProducerTemplate().sendBody("direct:queue", "{\"Event\":\"s3:TestEvent\"}");

      pipeline.assertIsSatisfied();
      Map<String, Object> headers = pipeline.getExchanges().get(0).getMessage().getHeaders();
      assertThat(headers)
          .containsEntry(AWS2S3Constants.BUCKET_NAME, "inbox")
          .containsEntry(AWS2S3Constants.KEY, "in/a b.txt")
          .containsEntry(AWS2S3Constants.E_TAG, "etag1")
          .containsEntry(AWS2S3Constants.CONTENT_LENGTH, 12L);
    }
  }
}
