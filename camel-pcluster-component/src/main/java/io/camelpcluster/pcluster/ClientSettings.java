package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.RetryPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.util.ObjectHelper;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Everything that makes one API client different from another; endpoints with equal settings share
 * a client. {@link #toString()} never shows a secret.
 */
record ClientSettings(
    URI endpoint,
    String region,
    String signingRegion,
    CredentialsSource credentials,
    Duration connectTimeout,
    Duration requestTimeout,
    RetryPolicy retryPolicy) {

  /**
   * The settings an endpoint's options describe.
   *
   * @throws IllegalArgumentException naming the option that is missing or wrong
   */
  static ClientSettings of(PclusterConfiguration configuration) {
    String url = configuration.getUriEndpointOverride();
    if (ObjectHelper.isEmpty(url)) {
      throw new IllegalArgumentException(
          "uriEndpointOverride (the invoke URL of the ParallelCluster API, e.g."
              + " https://abc123.execute-api.eu-west-1.amazonaws.com/prod) is required unless"
              + " pclusterClient is set");
    }
    URI endpoint;
    try {
      endpoint = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "uriEndpointOverride is not a valid URL: " + e.getMessage(), e);
    }
    for (Duration timeout :
        new Duration[] {configuration.getConnectTimeout(), configuration.getRequestTimeout()}) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("connectTimeout and requestTimeout must be positive");
      }
    }
    RetryPolicy retryPolicy;
    try {
      retryPolicy =
          new RetryPolicy(
              configuration.getMaxAttempts(),
              configuration.getRetryBaseDelay(),
              configuration.getRetryMaxDelay());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "invalid retry settings (maxAttempts, retryBaseDelay, retryMaxDelay): " + e.getMessage(),
          e);
    }
    return new ClientSettings(
        endpoint,
        emptyToNull(configuration.getRegion()),
        emptyToNull(configuration.getSigningRegion()),
        CredentialsSource.of(configuration),
        configuration.getConnectTimeout(),
        configuration.getRequestTimeout(),
        retryPolicy);
  }

  /**
   * A new client with these settings.
   *
   * @param credentials the provider to sign with
   * @param scheduler where retry delays run
   * @param httpExecutor where the HTTP client completes its calls
   * @throws IllegalArgumentException when the client refuses a setting
   */
  ParallelClusterAsyncClient newClient(
      AwsCredentialsProvider credentials,
      ScheduledExecutorService scheduler,
      Executor httpExecutor) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(httpExecutor)
            .build();
    return ParallelClusterAsyncClient.builder()
        .endpoint(endpoint)
        .httpClient(http)
        .region(region)
        .signingRegion(signingRegion)
        .credentialsProvider(credentials)
        .requestTimeout(requestTimeout)
        .retryPolicy(retryPolicy)
        .scheduler(scheduler)
        .buildAsync();
  }

  private static String emptyToNull(String value) {
    return ObjectHelper.isEmpty(value) ? null : value;
  }
}
