package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import org.apache.camel.component.aws2.s3.AWS2S3Component;
import org.apache.camel.component.aws2.s3.AWS2S3Configuration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The job's links point where the aws2-s3 component's configuration says, signed with its keys. */
class ComponentPresignerTest {

  @Test
  void linksFollowTheComponentsEndpointRegionPathStyleAndKeys() throws Exception {
    try (DefaultCamelContext context = new DefaultCamelContext()) {
      AWS2S3Configuration s3 =
          context.getComponent("aws2-s3", AWS2S3Component.class).getConfiguration();
      s3.setRegion("eu-west-3");
      s3.setOverrideEndpoint(true);
      s3.setUriEndpointOverride("http://127.0.0.1:9000");
      s3.setForcePathStyle(true);
      s3.setAccessKey("AKIACOMPONENTKEY0000");
      s3.setSecretKey("component-secret");

      URL url = presignedGet(context);

      assertThat(url.getHost()).isEqualTo("127.0.0.1");
      assertThat(url.getPort()).isEqualTo(9000);
      assertThat(url.getPath()).isEqualTo("/results/a/b.txt");
      assertThat(url.getQuery())
          .contains("X-Amz-Credential=AKIACOMPONENTKEY0000%2F")
          .contains("%2Feu-west-3%2Fs3%2Faws4_request")
          .doesNotContain("component-secret");
    }
  }

  @Test
  void virtualHostedStyleOnAwsWhenNotForced() throws Exception {
    try (DefaultCamelContext context = new DefaultCamelContext()) {
      AWS2S3Configuration s3 =
          context.getComponent("aws2-s3", AWS2S3Component.class).getConfiguration();
      s3.setRegion("us-west-2");
      s3.setAccessKey("AKIACOMPONENTKEY0000");
      s3.setSecretKey("component-secret");

      URL url = presignedGet(context);

      assertThat(url.getHost()).isEqualTo("results.s3.us-west-2.amazonaws.com");
      assertThat(url.getPath()).isEqualTo("/a/b.txt");
    }
  }

  private static URL presignedGet(DefaultCamelContext context) {
    try (S3Presigner presigner = ComponentPresigner.of(context)) {
      return presigner
          .presignGetObject(
              b ->
                  b.signatureDuration(Duration.ofMinutes(5))
                      .getObjectRequest(g -> g.bucket("results").key("a/b.txt")))
          .url();
    }
  }
}
