package io.camelpcluster.pcluster.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** Sends one attempt of a call: builds the URI, signs and hands it to the JDK HTTP client. */
final class Transport {
  private final ClientConfig config;
  private final RequestSigner signer;
  private final String base;

  Transport(ClientConfig config) {
    this.config = config;
    this.signer = new RequestSigner(config.signingRegion(), config.clock());
    String endpoint = config.endpoint().toString();
    this.base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
  }

  /** The URI of a call, with the default region added when the call has none. */
  URI uri(HttpCall call) {
    String query =
        withDefaultRegion(call).query().stream()
            .map(
                e ->
                    SdkHttpUtils.urlEncode(e.getKey()) + "=" + SdkHttpUtils.urlEncode(e.getValue()))
            .collect(Collectors.joining("&"));
    return URI.create(base + call.encodedPath() + (query.isEmpty() ? "" : "?" + query));
  }

  /** Sends the call once; fails only when no HTTP answer arrived. */
  CompletableFuture<HttpResult> send(HttpCall call) {
    HttpCall complete = withDefaultRegion(call);
    URI uri = uri(complete);
    return resolveCredentials(call)
        .thenCompose(
            credentials -> {
              HttpRequest request = request(complete, uri, credentials);
              return config
                  .httpClient()
                  .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                  .thenApply(
                      response ->
                          new HttpResult(
                              response.statusCode(), response.headers(), response.body(), 1));
            });
  }

  private HttpCall withDefaultRegion(HttpCall call) {
    return config.defaultRegion() == null || call.hasQueryParameter("region")
        ? call
        : call.withQueryParameter("region", config.defaultRegion());
  }

  private CompletableFuture<AwsCredentialsIdentity> resolveCredentials(HttpCall call) {
    CompletableFuture<AwsCredentialsIdentity> resolved;
    try {
      resolved = config.credentialsProvider().resolveIdentity().thenApply(identity -> identity);
    } catch (RuntimeException e) {
      resolved = CompletableFuture.failedFuture(e);
    }
    return resolved.exceptionallyCompose(
        e ->
            CompletableFuture.failedFuture(
                new ParallelClusterException(
                    call.operation(),
                    call.operation()
                        + ": cannot resolve AWS credentials: "
                        + Failures.unwrap(e).getMessage(),
                    Failures.unwrap(e))));
  }

  private HttpRequest request(HttpCall call, URI uri, AwsCredentialsIdentity credentials) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (call.body() != null) {
      headers.put("Content-Type", "application/json");
    }
    Map<String, List<String>> signed =
        signer.sign(call.method(), uri, call.query(), headers, call.body(), credentials);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .method(
                call.method(),
                call.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      request.version(HttpClient.Version.HTTP_1_1);
    }
    signed.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    return request.build();
  }
}
