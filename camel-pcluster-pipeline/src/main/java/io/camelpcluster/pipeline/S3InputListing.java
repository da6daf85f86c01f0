package io.camelpcluster.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.component.aws2.s3.AWS2S3Endpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 trigger's poll: lists the input bucket and prefix (ListObjectsV2, every page, never a
 * GET), skips folder placeholders and the object versions the pipeline's journal has already taken,
 * and hands each new one to the pipeline's entry without waiting for its run: the exchange
 * continues asynchronously, so no thread is held while its cluster is made. The pipeline's
 * idempotent consumer stays the authority on duplicates; the journal check here only saves work.
 *
 * <p>The S3 client is the one an {@code aws2-s3} endpoint on the bucket uses (the component's
 * configuration, or an {@code S3Client} bean it autowires).
 */
public final class S3InputListing extends ServiceSupport implements CamelContextAware {

  private static final Logger LOG = LoggerFactory.getLogger(S3InputListing.class);

  private CamelContext camelContext;
  private String bucket;
  private String prefix = "";
  private int maxObjects = 100;
  private String journal;
  private String entryUri;
  private AWS2S3Endpoint s3;
  private Endpoint entry;
  private AsyncProducer producer;

  @Override
  public CamelContext getCamelContext() {
    return camelContext;
  }

  @Override
  public void setCamelContext(CamelContext camelContext) {
    this.camelContext = camelContext;
  }

  public void setBucket(String bucket) {
    this.bucket = bucket;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix == null ? "" : prefix;
  }

  /** The most new objects one poll hands over; the next poll continues with the rest. */
  public void setMaxObjects(int maxObjects) {
    if (maxObjects < 1) {
      throw new IllegalArgumentException(
          "maxMessagesPerPoll must be at least 1, was " + maxObjects);
    }
    this.maxObjects = maxObjects;
  }

  /** The registry name of the pipeline's journal (no pre-check when there is none). */
  public void setJournal(String journal) {
    this.journal = journal;
  }

  /** Where new objects go: the pipeline's {@code direct:} entry. */
  public void setEntryUri(String entryUri) {
    this.entryUri = entryUri;
  }

  @Override
  protected void doStart() throws Exception {
    Objects.requireNonNull(camelContext, "camelContext");
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("the S3 trigger needs inputBucket");
    }
    s3 = camelContext.getEndpoint("aws2-s3://" + bucket, AWS2S3Endpoint.class);
    ServiceHelper.startService(s3);
    entry = camelContext.getEndpoint(Objects.requireNonNull(entryUri, "entryUri"));
    producer = entry.createAsyncProducer();
    ServiceHelper.startService(producer);
  }

  @Override
  protected void doStop() {
    ServiceHelper.stopService(producer);
  }

  /** Lists the bucket and hands over the new objects; answers how many were handed over. */
  public int poll() {
    List<InputObject> found = newObjects(s3.getS3Client());
    for (InputObject input : found) {
      Exchange exchange = entry.createExchange();
      headers(exchange.getMessage(), input);
      producer.process(
          exchange,
          doneSync -> {
            if (exchange.getException() != null) {
              LOG.warn(
                  "Input {} failed before its run began: {}",
                  input.displayName(),
                  exchange.getException().getMessage());
            }
          });
    }
    return found.size();
  }

  List<InputObject> newObjects(S3Client client) {
    PipelineJournal seen =
        journal == null
            ? null
            : camelContext.getRegistry().lookupByNameAndType(journal, PipelineJournal.class);
    List<InputObject> found = new ArrayList<>();
    for (S3Object object :
        client
            .listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix.isEmpty() ? null : prefix))
            .contents()) {
      if (object.key().endsWith("/")) {
        continue; // a "folder" placeholder, not an input
      }
      InputObject input = new InputObject(bucket, object.key(), object.eTag(), object.size());
      if (seen != null && seen.contains(input.idempotencyKey())) {
        continue;
      }
      found.add(input);
      if (found.size() >= maxObjects) {
        break;
      }
    }
    return found;
  }

  private static void headers(Message message, InputObject input) {
    message.setHeader(AWS2S3Constants.BUCKET_NAME, input.bucket());
    message.setHeader(AWS2S3Constants.KEY, input.key());
    message.setHeader(AWS2S3Constants.E_TAG, input.eTag());
    message.setHeader(AWS2S3Constants.CONTENT_LENGTH, input.size());
  }
}
