package io.camelpcluster.pipeline;

import java.net.URI;
import org.apache.camel.CamelContext;
import org.apache.camel.component.aws2.s3.AWS2S3Component;
import org.apache.camel.component.aws2.s3.AWS2S3Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The presigner of the job's links when the registry has no {@link S3Presigner} bean: made from the
 * {@code aws2-s3} component's configuration (region, credentials, {@code uriEndpointOverride},
 * {@code forcePathStyle}), so that the links point where the pipeline's own S3 calls go. What the
 * component leaves unset comes from the AWS SDK's defaults.
 */
final class ComponentPresigner {
  private ComponentPresigner() {}

  static S3Presigner of(CamelContext context) {
    AWS2S3Configuration s3 =
        context.getComponent("aws2-s3", AWS2S3Component.class).getConfiguration();
    S3Presigner.Builder builder =
        S3Presigner.builder()
            .credentialsProvider(credentials(s3))
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(s3.isForcePathStyle()).build());
    if (s3.getRegion() != null && !s3.getRegion().isBlank()) {
      builder.region(Region.of(s3.getRegion()));
    }
    if (s3.isOverrideEndpoint() && s3.getUriEndpointOverride() != null) {
      builder.endpointOverride(URI.create(s3.getUriEndpointOverride()));
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(AWS2S3Configuration s3) {
    if (s3.isUseProfileCredentialsProvider()) {
      return s3.getProfileCredentialsName() == null
          ? ProfileCredentialsProvider.create()
          : ProfileCredentialsProvider.create(s3.getProfileCredentialsName());
    }
    if (!s3.isUseDefaultCredentialsProvider()
        && s3.getAccessKey() != null
        && s3.getSecretKey() != null) {
      return StaticCredentialsProvider.create(
          s3.getSessionToken() != null
              ? AwsSessionCredentials.create(
                  s3.getAccessKey(), s3.getSecretKey(), s3.getSessionToken())
              : AwsBasicCredentials.create(s3.getAccessKey(), s3.getSecretKey()));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
