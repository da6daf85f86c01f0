package io.camelpcluster.examples.pipeline;

import io.camelpcluster.locals3.LocalS3;

/** camel-aws2-s3 endpoint URIs that point at a {@link LocalS3}. */
final class CamelS3Uris {
  private CamelS3Uris() {}

  /**
   * An endpoint on the bucket with the server's credentials, region and endpoint override.
   *
   * @param options more query options, each starting with {@code &}
   */
  static String uri(LocalS3 s3, String bucket, String options) {
    return "aws2-s3://"
        + bucket
        + "?accessKey=RAW("
        + s3.accessKey()
        + ")&secretKey=RAW("
        + s3.secretKey()
        + ")&region="
        + s3.region()
        + "&overrideEndpoint=true&uriEndpointOverride="
        + s3.endpoint()
        + "&forcePathStyle=true"
        + options;
  }
}
