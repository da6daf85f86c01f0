package io.camelpcluster.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.locals3.LocalS3;
import io.camelpcluster.locals3.LocalS3Settings;
import java.net.URI;
import java.nio.file.Path;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * camel-aws2-s3 autowires the one S3Presigner in the registry into every endpoint: the way to give
 * all presigned links the right endpoint and URL style in one place.
 */
class PresignerAutowiringTest extends CamelTestSupport {
  @TempDir static Path dir;
  private static LocalS3 s3;
  private static S3Presigner presigner;

  @BeforeAll
  static void startS3() {
    s3 = LocalS3.start(LocalS3Settings.of(dir));
    presigner =
        S3Presigner.builder()
            .endpointOverride(URI.create("http://localhost:" + s3.endpoint().getPort()))
            .region(Region.of(s3.region()))
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
            .build();
  }

  @AfterAll
  static void stopS3() {
    presigner.close();
    s3.close();
  }

  @Override
  protected void bindToRegistry(Registry registry) {
    registry.bind("presigner", presigner);
  }

  @Override
  protected RoutesBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("direct:link").to(CamelS3Uris.uri(s3, "inputs", "&operation=createDownloadLink"));
      }
    };
  }

  @Test
  void theRegistryPresignerMakesTheLinksOfAnEndpointThatDoesNotNameIt() {
    String url =
        template.requestBodyAndHeader(
            "direct:link", null, AWS2S3Constants.KEY, "a b.txt", String.class);

    // the endpoint URI says 127.0.0.1; the link comes from the registry's presigner
    assertThat(URI.create(url).getHost()).isEqualTo("localhost");
    assertThat(URI.create(url).getRawPath()).isEqualTo("/inputs/a%20b.txt");
  }
}
