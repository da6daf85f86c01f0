package io.camelpcluster.pcluster.api;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs API calls with SigV4 for the {@code execute-api} service: adds {@code Authorization},
 * {@code X-Amz-Date} and, for temporary credentials, {@code X-Amz-Security-Token}.
 */
final class RequestSigner {
  static final String SERVICE = "execute-api";

  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final String signingRegion;
  private final Clock clock;

  RequestSigner(String signingRegion, Clock clock) {
    this.signingRegion = signingRegion;
    this.clock = clock;
  }

  /**
   * The headers to send: {@code headers} plus the signature headers, without {@code Host} (which
   * the HTTP client derives from the same URI).
   *
   * @param uri the full request URI, path and query already encoded
   * @param query the unencoded query parameters of {@code uri}
   */
  Map<String, List<String>> sign(
      String method,
      URI uri,
      List<Map.Entry<String, String>> query,
      Map<String, String> headers,
      byte[] body,
      AwsCredentialsIdentity credentials) {
    SdkHttpFullRequest.Builder request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.fromValue(method))
            .protocol(uri.getScheme())
            .host(uri.getHost())
            .port(uri.getPort() < 0 ? null : uri.getPort())
            .encodedPath(uri.getRawPath());
    query.forEach(entry -> request.appendRawQueryParameter(entry.getKey(), entry.getValue()));
    headers.forEach(request::putHeader);
    SignedRequest signed =
        signer.sign(
            sign ->
                sign.identity(credentials)
                    .request(request.build())
                    .payload(body == null ? null : ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, signingRegion)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    Map<String, List<String>> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    result.putAll(signed.request().headers());
    result.remove("Host");
    return result;
  }
}
