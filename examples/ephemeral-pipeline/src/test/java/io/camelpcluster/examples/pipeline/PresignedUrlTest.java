package io.camelpcluster.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.locals3.LocalS3;
import io.camelpcluster.locals3.LocalS3Clients;
import io.camelpcluster.locals3.LocalS3Settings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Component;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned URLs made by camel-aws2-s3 and by the AWS SDK, fetched and filled by curl running as
 * the cluster user: how a job stages its input and can push its results.
 */
class PresignedUrlTest extends CamelTestSupport {
  private static final String STAGING = "staging";

  @TempDir static Path dir;
  private static LocalS3 s3;
  private static S3Client client;
  private static S3Presigner pathStyleOnLocalhost;
  private UserPrincipal clusterUser;
  private Path jobDir;

  @BeforeAll
  static void startS3() {
    s3 = LocalS3.start(LocalS3Settings.of(dir));
    client = LocalS3Clients.client(s3);
    s3.createBucket(STAGING);
    pathStyleOnLocalhost =
        S3Presigner.builder()
            .endpointOverride(localhostEndpoint())
            .region(Region.of(s3.region()))
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
            .build();
  }

  @AfterAll
  static void stopS3() {
    pathStyleOnLocalhost.close();
    client.close();
    s3.close();
  }

  @BeforeEach
  void clusterUserDirectory() {
    clusterUser = ClusterUserCurl.assumeClusterUser();
    jobDir = ClusterUserCurl.newDirectory(clusterUser);
  }

  @AfterEach
  void removeClusterUserDirectory() {
    ClusterUserCurl.deleteRecursively(jobDir);
  }

  @Override
  protected void bindToRegistry(Registry registry) {
    registry.bind("pathStyleOnLocalhost", pathStyleOnLocalhost);
  }

  /** Only the route that names the presigner bean uses it (see {@link PresignerAutowiringTest}). */
  @Override
  protected CamelContext createCamelContext() throws Exception {
    CamelContext context = super.createCamelContext();
    context.getComponent("aws2-s3", AWS2S3Component.class).setAutowiredEnabled(false);
    return context;
  }

  @Override
  protected RoutesBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("direct:downloadLink")
            .to(CamelS3Uris.uri(s3, STAGING, "&operation=createDownloadLink"));
        from("direct:uploadLink").to(CamelS3Uris.uri(s3, STAGING, "&operation=createUploadLink"));
        from("direct:downloadLinkViaLocalhost")
            .to(
                "aws2-s3://"
                    + STAGING
                    + "?accessKey=RAW("
                    + s3.accessKey()
                    + ")&secretKey=RAW("
                    + s3.secretKey()
                    + ")&region="
                    + s3.region()
                    + "&overrideEndpoint=true&uriEndpointOverride="
                    + localhostEndpoint()
                    + "&forcePathStyle=true&operation=createDownloadLink");
        from("direct:downloadLinkViaLocalhostPresigner")
            .to(
                CamelS3Uris.uri(
                    s3,
                    STAGING,
                    "&operation=createDownloadLink&amazonS3Presigner=#pathStyleOnLocalhost"));
      }
    };
  }

  @Test
  void aDownloadLinkFromCamelIsFetchedByteExactByCurlAsTheClusterUser() throws IOException {
    byte[] data = randomBytes(3 * 1024 * 1024, 1);
    String key = "inbox/input data ü 数据.bin";
    client.putObject(b -> b.bucket(STAGING).key(key), RequestBody.fromBytes(data));

    Exchange link =
        template.request(
            "direct:downloadLink", e -> e.getMessage().setHeader(AWS2S3Constants.KEY, key));

    String url = link.getMessage().getBody(String.class);
    assertThat(URI.create(url).getHost()).isEqualTo("127.0.0.1");
    assertThat(link.getMessage().getHeader(AWS2S3Constants.DOWNLOAD_LINK_BROWSER_COMPATIBLE))
        .isEqualTo(true);
    Path target = jobDir.resolve("input.bin");
    ClusterUserCurl.Result curl = ClusterUserCurl.curl("-fsS", url, "-o", target.toString());
    assertThat(curl.exitCode()).as(curl.stderr()).isZero();
    assertThat(Files.readAllBytes(target)).isEqualTo(data);
    assertThat(Files.getOwner(target)).isEqualTo(clusterUser);
  }

  @Test
  void anUploadLinkFromCamelTakesAResultThatCurlPuts() throws IOException {
    byte[] result = randomBytes(2 * 1024 * 1024, 2);
    Path file = jobDir.resolve("result.bin");
    Files.write(file, result);
    String key = "results/run 1/primes ü.bin";

    String url =
        template.requestBodyAndHeader(
            "direct:uploadLink", null, AWS2S3Constants.KEY, key, String.class);
    ClusterUserCurl.Result curl = ClusterUserCurl.curl("-fsS", "-T", file.toString(), url);

    assertThat(curl.exitCode()).as(curl.stderr()).isZero();
    assertThat(client.getObjectAsBytes(b -> b.bucket(STAGING).key(key)).asByteArray())
        .isEqualTo(result);
  }

  @Test
  void aLinkFromTheSdkPresignerIsFetchedByCurl() throws IOException {
    client.putObject(b -> b.bucket(STAGING).key("sdk.txt"), RequestBody.fromString("via sdk"));
    String url;
    try (S3Presigner presigner = LocalS3Clients.presigner(s3)) {
      url =
          presigner
              .presignGetObject(
                  p ->
                      p.signatureDuration(Duration.ofMinutes(5))
                          .getObjectRequest(g -> g.bucket(STAGING).key("sdk.txt")))
              .url()
              .toString();
    }
    Path target = jobDir.resolve("sdk.txt");

    ClusterUserCurl.Result curl = ClusterUserCurl.curl("-fsS", url, "-o", target.toString());

    assertThat(curl.exitCode()).as(curl.stderr()).isZero();
    assertThat(target).hasContent("via sdk");
  }

  @Test
  void aLinkIsRefusedOnceExpired() {
    client.putObject(b -> b.bucket(STAGING).key("short.txt"), RequestBody.fromString("x"));
    String url =
        template.requestBodyAndHeaders(
            "direct:downloadLink",
            null,
            Map.of(
                AWS2S3Constants.KEY,
                "short.txt",
                AWS2S3Constants.DOWNLOAD_LINK_EXPIRATION_TIME,
                5_000L),
            String.class);

    assertThat(httpStatusOf(url)).isEqualTo("200");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(httpStatusOf(url)).isEqualTo("403"));
  }

  @Test
  void aLinkForAnotherKeyIsRefused() {
    client.putObject(b -> b.bucket(STAGING).key("mine.txt"), RequestBody.fromString("mine"));
    client.putObject(b -> b.bucket(STAGING).key("other.txt"), RequestBody.fromString("other"));
    String url =
        template.requestBodyAndHeader(
            "direct:downloadLink", null, AWS2S3Constants.KEY, "mine.txt", String.class);

    assertThat(httpStatusOf(url)).isEqualTo("200");
    assertThat(httpStatusOf(url.replace("/mine.txt?", "/other.txt?"))).isEqualTo("403");
  }

  @Test
  void camelsOwnPresignerIgnoresForcePathStyleSoAHostnameEndpointNeedsAPresignerBean()
      throws IOException {
    client.putObject(b -> b.bucket(STAGING).key("p.txt"), RequestBody.fromString("path style"));

    String virtualHosted =
        template.requestBodyAndHeader(
            "direct:downloadLinkViaLocalhost", null, AWS2S3Constants.KEY, "p.txt", String.class);
    String pathStyle =
        template.requestBodyAndHeader(
            "direct:downloadLinkViaLocalhostPresigner",
            null,
            AWS2S3Constants.KEY,
            "p.txt",
            String.class);

    assertThat(URI.create(virtualHosted).getHost()).isEqualTo(STAGING + ".localhost");
    assertThat(URI.create(pathStyle).getHost()).isEqualTo("localhost");
    assertThat(URI.create(pathStyle).getPath()).isEqualTo("/" + STAGING + "/p.txt");
    Path target = jobDir.resolve("p.txt");
    ClusterUserCurl.Result curl = ClusterUserCurl.curl("-fsS", pathStyle, "-o", target.toString());
    assertThat(curl.exitCode()).as(curl.stderr()).isZero();
    assertThat(target).hasContent("path style");
  }

  private static String httpStatusOf(String url) {
    ClusterUserCurl.Result curl =
        ClusterUserCurl.curl("-sS", "-o", "/dev/null", "-w", "%{http_code}", url);
    assertThat(curl.exitCode()).as(curl.stderr()).isZero();
    return curl.stdout();
  }

  private static URI localhostEndpoint() {
    return URI.create("http://localhost:" + s3.endpoint().getPort());
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }
}
