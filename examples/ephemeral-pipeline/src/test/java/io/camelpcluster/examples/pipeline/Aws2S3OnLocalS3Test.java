package io.camelpcluster.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.locals3.LocalS3;
import io.camelpcluster.locals3.LocalS3Clients;
import io.camelpcluster.locals3.LocalS3Settings;
import io.camelpcluster.pipeline.InputObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** camel-aws2-s3 (consumer and producer) against S3Proxy through {@link LocalS3}. */
class Aws2S3OnLocalS3Test extends CamelTestSupport {
  private static final int LARGE = 20 * 1024 * 1024;

  @TempDir static Path dir;
  private static LocalS3 s3;
  private static S3Client client;

  @BeforeAll
  static void startS3() {
    s3 = LocalS3.start(LocalS3Settings.of(dir));
    client = LocalS3Clients.client(s3);
    for (String bucket : List.of("inputs", "results", "large", "keys")) {
      s3.createBucket(bucket);
    }
  }

  @AfterAll
  static void stopS3() {
    client.close();
    s3.close();
  }

  @Override
  protected RoutesBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from(CamelS3Uris.uri(s3, "inputs", "&delay=50"))
            .convertBodyTo(byte[].class)
            .to("mock:inputs");
        from(CamelS3Uris.uri(s3, "large", "&delay=50"))
            .convertBodyTo(byte[].class)
            .to("mock:large");
        from("direct:put").to(CamelS3Uris.uri(s3, "results", ""));
        from("direct:multipart")
            .to(CamelS3Uris.uri(s3, "large", "&multiPartUpload=true&partSize=5242880"));
        from("direct:putKey").to(CamelS3Uris.uri(s3, "keys", ""));
        from("direct:getKey").to(CamelS3Uris.uri(s3, "keys", "&operation=getObject"));
      }
    };
  }

  @Test
  void consumerPicksUpAnObjectWithKeyAndETag() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:inputs");
    mock.expectedMessageCount(1);
    PutObjectResponse put =
        client.putObject(
            b -> b.bucket("inputs").key("inbox/sample 1.txt"), RequestBody.fromString("hello"));

    mock.assertIsSatisfied();
    Message in = mock.getReceivedExchanges().get(0).getMessage();
    assertThat(in.getBody(String.class)).isEqualTo("hello");
    assertThat(in.getHeader(AWS2S3Constants.BUCKET_NAME)).isEqualTo("inputs");
    assertThat(in.getHeader(AWS2S3Constants.KEY)).isEqualTo("inbox/sample 1.txt");
    assertThat(in.getHeader(AWS2S3Constants.E_TAG)).isEqualTo(put.eTag());
    assertThat(in.getHeader(AWS2S3Constants.CONTENT_LENGTH, Long.class)).isEqualTo(5L);
    assertThat(InputObject.of(in))
        .isEqualTo(new InputObject("inputs", "inbox/sample 1.txt", put.eTag(), 5L));
    // S3Proxy's file system store keeps no versions: no version id on puts or on the exchange
    assertThat(put.versionId()).isNull();
    assertThat(in.getHeader(AWS2S3Constants.VERSION_ID)).isNull();
  }

  @Test
  void theFileSystemStoreRefusesBucketVersioning() {
    assertThatThrownBy(
            () ->
                client.putBucketVersioning(
                    b ->
                        b.bucket("results")
                            .versioningConfiguration(
                                v -> v.status(BucketVersioningStatus.ENABLED))))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(501));
  }

  @Test
  void consumerDeletesWhatItReadByDefault() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:inputs");
    mock.expectedMessageCount(1);
    client.putObject(b -> b.bucket("inputs").key("gone.txt"), RequestBody.fromString("x"));
    mock.assertIsSatisfied();

    await()
        .untilAsserted(
            () -> assertThat(client.listObjectsV2(b -> b.bucket("inputs")).contents()).isEmpty());
  }

  @Test
  void producerPutsAnObject() {
    Exchange out =
        template.request(
            "direct:put",
            e -> {
              e.getMessage().setHeader(AWS2S3Constants.KEY, "out/result.txt");
              e.getMessage().setBody("42 primes");
            });

    assertThat(out.getException()).isNull();
    var stored = client.getObjectAsBytes(b -> b.bucket("results").key("out/result.txt"));
    assertThat(stored.asUtf8String()).isEqualTo("42 primes");
    assertThat(out.getMessage().getHeader(AWS2S3Constants.E_TAG))
        .isEqualTo(stored.response().eTag());
  }

  @Test
  void aLargeObjectRoundTripsByteExactThroughAMultipartUpload() throws Exception {
    byte[] data = new byte[LARGE];
    new Random(20).nextBytes(data);
    MockEndpoint mock = getMockEndpoint("mock:large");
    mock.expectedMessageCount(1);

    template.sendBodyAndHeader("direct:multipart", data, AWS2S3Constants.KEY, "big/input.bin");

    mock.assertIsSatisfied();
    Message in = mock.getReceivedExchanges().get(0).getMessage();
    assertThat(in.getHeader(AWS2S3Constants.KEY)).isEqualTo("big/input.bin");
    assertThat(in.getHeader(AWS2S3Constants.E_TAG, String.class)).endsWith("-4\"");
    assertThat(in.getBody(byte[].class)).isEqualTo(data);
  }

  @Test
  void aLargeObjectRoundTripsByteExactThroughASinglePut() {
    byte[] data = new byte[LARGE];
    new Random(21).nextBytes(data);

    template.sendBodyAndHeader("direct:putKey", data, AWS2S3Constants.KEY, "single/input.bin");

    byte[] read =
        template.requestBodyAndHeader(
            "direct:getKey", null, AWS2S3Constants.KEY, "single/input.bin", byte[].class);
    assertThat(read).isEqualTo(data);
  }

  static Stream<String> keys() {
    String segment = "s".repeat(199) + "/";
    return Stream.of(
        "input files/Größe 数据 ☃ 🎉.txt",
        "  leading and trailing spaces  ",
        "a+b=c&d?e#f%20g;h'i\"j`k$(l)",
        "line\nbreak and\ttab",
        "emoji/🎉🎉🎉",
        segment.repeat(6).substring(0, 1024),
        "ü".repeat(109));
  }

  @ParameterizedTest
  @MethodSource("keys")
  void hostileKeysRoundTripThroughProducerAndListing(String key) {
    template.sendBodyAndHeader("direct:putKey", "body of " + key, AWS2S3Constants.KEY, key);

    String read =
        template.requestBodyAndHeader(
            "direct:getKey", null, AWS2S3Constants.KEY, key, String.class);
    assertThat(read).isEqualTo("body of " + key);
    assertThat(
            client.listObjectsV2Paginator(b -> b.bucket("keys")).contents().stream()
                .map(S3Object::key))
        .contains(key);
  }

  @Test
  void aKeySegmentBeyond218BytesFailsOnTheFileSystemStore() {
    // S3Proxy's file system store keeps each '/'-separated segment as a file name and writes
    // through a temporary "<name>-<uuid>" file: 255 - 37 = 218 bytes per segment at most.
    String key = "x".repeat(219);
    assertThatThrownBy(
            () -> template.sendBodyAndHeader("direct:putKey", "x", AWS2S3Constants.KEY, key))
        .isInstanceOf(CamelExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(500));
  }
}
