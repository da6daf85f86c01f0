package io.camelpcluster.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.locals3.LocalS3;
import io.camelpcluster.locals3.LocalS3Clients;
import io.camelpcluster.locals3.LocalS3Settings;
import io.camelpcluster.pipeline.InputObject;
import java.io.File;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The idempotent-consumer building block of the pipeline: an S3 consumer that leaves objects in
 * place, keyed by {@link InputObject#idempotencyKey()} in Camel's FileIdempotentRepository,
 * processes each object version once, also across a restart.
 */
class IdempotentInputTest {
  private static final String INPUT_ID = "PipelineInputId";

  @TempDir static Path s3Dir;
  @TempDir Path work;
  private static LocalS3 s3;
  private static S3Client client;

  @BeforeAll
  static void startS3() {
    s3 = LocalS3.start(LocalS3Settings.of(s3Dir));
    client = LocalS3Clients.client(s3);
  }

  @AfterAll
  static void stopS3() {
    client.close();
    s3.close();
  }

  @Test
  void eachObjectVersionIsProcessedOnceAcrossPollsAndRestarts() throws Exception {
    s3.createBucket("once");
    File store = work.resolve("inputs.idempotent").toFile();
    client.putObject(b -> b.bucket("once").key("in/a.txt"), RequestBody.fromString("v1"));

    CamelContext first = startPipeline("once", store);
    try {
      awaitSeenAtLeast(first, 3);
      assertThat(processed(first).getReceivedCounter()).isEqualTo(1);

      client.putObject(b -> b.bucket("once").key("in/a.txt"), RequestBody.fromString("v2"));
      await().until(() -> processed(first).getReceivedCounter() == 2);
      int seen = seen(first).getReceivedCounter();
      awaitSeenAtLeast(first, seen + 3);
      assertThat(processed(first).getReceivedCounter()).isEqualTo(2);
    } finally {
      first.close();
    }

    CamelContext second = startPipeline("once", store);
    try {
      awaitSeenAtLeast(second, 3);
      assertThat(processed(second).getReceivedCounter()).isZero();
    } finally {
      second.close();
    }
  }

  @Test
  void hashedKeysSurviveARestartWhateverTheObjectKeyHolds() throws Exception {
    File store = work.resolve("hashed.idempotent").toFile();
    InputObject hostile =
        new InputObject("inputs", "line\nbreak/Größe 数据 🎉 " + "x".repeat(1000), "\"etag-1\"");

    IdempotentRepository before = FileIdempotentRepository.fileIdempotentRepository(store);
    before.start();
    assertThat(before.add(hostile.idempotencyKey())).isTrue();
    before.stop();

    IdempotentRepository after = FileIdempotentRepository.fileIdempotentRepository(store);
    after.start();
    assertThat(after.contains(hostile.idempotencyKey())).isTrue();
    assertThat(after.add(hostile.idempotencyKey())).isFalse();
    after.stop();
  }

  @Test
  void rawKeysWithANewlineAreForgottenByTheFileRepositoryAfterARestart() throws Exception {
    // why the pipeline hashes: the file store keeps one key per line
    File store = work.resolve("raw.idempotent").toFile();
    String raw = "inputs/line\nbreak.txt/etag-1";

    IdempotentRepository before = FileIdempotentRepository.fileIdempotentRepository(store);
    before.start();
    assertThat(before.add(raw)).isTrue();
    before.stop();

    IdempotentRepository after = FileIdempotentRepository.fileIdempotentRepository(store);
    after.start();
    assertThat(after.contains(raw)).isFalse();
    after.stop();
  }

  private static CamelContext startPipeline(String bucket, File store) throws Exception {
    CamelContext context = new DefaultCamelContext();
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from(CamelS3Uris.uri(s3, bucket, "&delay=50&deleteAfterRead=false"))
                .to("mock:seen")
                .process(
                    e ->
                        e.getMessage()
                            .setHeader(INPUT_ID, InputObject.of(e.getMessage()).idempotencyKey()))
                .idempotentConsumer(
                    header(INPUT_ID), FileIdempotentRepository.fileIdempotentRepository(store))
                .to("mock:processed");
          }
        });
    context.start();
    return context;
  }

  private static void awaitSeenAtLeast(CamelContext context, int deliveries) {
    await().until(() -> seen(context).getReceivedCounter() >= deliveries);
  }

  private static MockEndpoint seen(CamelContext context) {
    return context.getEndpoint("mock:seen", MockEndpoint.class);
  }

  private static MockEndpoint processed(CamelContext context) {
    return context.getEndpoint("mock:processed", MockEndpoint.class);
  }
}
