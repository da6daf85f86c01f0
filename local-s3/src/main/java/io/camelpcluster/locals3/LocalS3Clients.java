package io.camelpcluster.locals3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * New AWS SDK clients for a {@link LocalS3}, path-style as S3Proxy on an IP address needs; the
 * caller closes them.
 */
public final class LocalS3Clients {
  private LocalS3Clients() {}

  public static S3Client client(LocalS3 s3) {
    return client(s3, s3.secretKey());
  }

  public static S3Client client(LocalS3 s3, String secretKey) {
    return S3Client.builder()
        .endpointOverride(s3.endpoint())
        .region(Region.of(s3.region()))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), secretKey)))
        .build();
  }

  public static S3Presigner presigner(LocalS3 s3) {
    return S3Presigner.builder()
        .endpointOverride(s3.endpoint())
        .region(Region.of(s3.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
        .build();
  }
}
