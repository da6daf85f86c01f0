package io.camelpcluster.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads S3 event notifications, as SQS delivers them (directly, or wrapped in an SNS notification),
 * for the route template {@code pcluster-sqs-trigger}: each {@code ObjectCreated:*} record becomes
 * an {@link InputObject}, its key URL-decoded as S3 encodes it in notifications ({@code +} for a
 * space). Test events ({@code s3:TestEvent}) and other event types give nothing.
 */
public final class S3EventNotifications {

  private static final Logger LOG = LoggerFactory.getLogger(S3EventNotifications.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_MESSAGE_CHARS = 256 * 1024;

  /**
   * The created objects of a notification.
   *
   * @throws IllegalArgumentException if the text is not JSON or a record lacks its bucket or key
   */
  public static List<InputObject> inputs(String notification) {
    if (notification == null || notification.isBlank()) {
      return List.of();
    }
    if (notification.length() > MAX_MESSAGE_CHARS) {
      throw new IllegalArgumentException(
          "an S3 event notification is at most 256 KB, this message has "
              + notification.length()
              + " characters");
    }
    JsonNode root = parse(notification);
    if ("Notification".equals(root.path("Type").asText()) && root.path("Message").isTextual()) {
      root = parse(root.path("Message").asText());
    }
    if ("s3:TestEvent".equals(root.path("Event").asText())) {
      LOG.info("Skipping the S3 test event of bucket {}", root.path("Bucket").asText());
      return List.of();
    }
    List<InputObject> inputs = new ArrayList<>();
    for (JsonNode record : root.path("Records")) {
      String event = record.path("eventName").asText("");
      if (!event.startsWith("ObjectCreated:")) {
        LOG.debug("Skipping S3 event {}", event);
        continue;
      }
      JsonNode s3 = record.path("s3");
      String bucket = s3.path("bucket").path("name").asText(null);
      String key = s3.path("object").path("key").asText(null);
      if (bucket == null || key == null) {
        throw new IllegalArgumentException(
            "an ObjectCreated record lacks s3.bucket.name or s3.object.key");
      }
      JsonNode size = s3.path("object").path("size");
      inputs.add(
          new InputObject(
              bucket,
              URLDecoder.decode(key, StandardCharsets.UTF_8),
              s3.path("object").path("eTag").asText(""),
              size.isNumber() ? size.asLong() : null));
    }
    return inputs;
  }

  /** The body (a notification's JSON text) becomes the list of its created objects. */
  public List<InputObject> split(Exchange exchange) {
    return inputs(exchange.getMessage().getBody(String.class));
  }

  /** The body (one {@link InputObject}) becomes the trigger headers the pipeline reads. */
  public void toHeaders(Exchange exchange) {
    Message message = exchange.getMessage();
    InputObject input = message.getBody(InputObject.class);
    message.setHeader(AWS2S3Constants.BUCKET_NAME, input.bucket());
    message.setHeader(AWS2S3Constants.KEY, input.key());
    message.setHeader(AWS2S3Constants.E_TAG, input.eTag());
    if (input.size() != null) {
      message.setHeader(AWS2S3Constants.CONTENT_LENGTH, input.size());
    }
    message.setBody(null);
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not an S3 event notification (invalid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
  }
}
