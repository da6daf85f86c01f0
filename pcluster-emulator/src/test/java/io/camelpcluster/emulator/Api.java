package io.camelpcluster.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** A small HTTP client of the emulator for tests: JSON in and out, optionally SigV4-signed. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

  private final URI endpoint;
  private final String region;
  private final AwsCredentialsIdentity credentials;

  private Api(URI endpoint, String region, AwsCredentialsIdentity credentials) {
    this.endpoint = endpoint;
    this.region = region;
    this.credentials = credentials;
  }

  /** Unsigned requests (anonymous emulators). */
  static Api anonymous(PclusterEmulator emulator) {
    return new Api(emulator.endpoint(), emulator.region(), null);
  }

  /** Requests signed with the default credentials. */
  static Api signed(PclusterEmulator emulator) {
    return signed(
        emulator,
        AwsCredentialsIdentity.create(
            EmulatorConfig.DEFAULT_ACCESS_KEY_ID, EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY));
  }

  /** Requests signed with these credentials. */
  static Api signed(PclusterEmulator emulator, AwsCredentialsIdentity credentials) {
    return new Api(emulator.endpoint(), emulator.region(), credentials);
  }

  /** An answer. */
  record Response(int status, String body, HttpHeaders headers) {
    JsonNode json() {
      if (body.isEmpty()) {
        return MissingNode.getInstance();
      }
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String message() {
      return json().path("message").asText();
    }
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response delete(String path) {
    return send("DELETE", path, null);
  }

  Response post(String path, Object body) {
    return send("POST", path, body);
  }

  Response put(String path, Object body) {
    return send("PUT", path, body);
  }

  Response patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  /** Sends a request; {@code body} is a JSON-able object, a raw String, or null. */
  Response send(String method, String path, Object body) {
    try {
      return sendAsync(method, path, body).join();
    } catch (java.util.concurrent.CompletionException e) {
      throw new IllegalStateException("request failed: " + method + " " + path, e.getCause());
    }
  }

  CompletableFuture<Response> sendAsync(String method, String path, Object body) {
    HttpRequest request = request(method, path, body);
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Response(r.statusCode(), r.body(), r.headers()));
  }

  /** Sends a request to a full URL (e.g. a presigned URL), unsigned. */
  static Response fetch(String url) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest request(String method, String path, Object body) {
    URI uri = URI.create(endpoint + path);
    byte[] bytes = bytes(body);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                bytes.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bytes));
    Map<String, String> headers =
        bytes.length == 0
            ? Map.of("Accept", "application/json")
            : Map.of("Accept", "application/json", "Content-Type", "application/json");
    headers.forEach(builder::header);
    if (credentials != null) {
      sign(method, uri, headers, bytes).forEach(builder::header);
    }
    return builder.build();
  }

  private Map<String, String> sign(
      String method, URI uri, Map<String, String> headers, byte[] bytes) {
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    headers.forEach(unsigned::putHeader);
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(credentials)
                        .request(unsigned.build())
                        .payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    Map<String, String> out = new java.util.LinkedHashMap<>();
    signed
        .request()
        .headers()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED.contains(name.toLowerCase()) && !headers.containsKey(name)) {
                out.put(name, values.get(0));
              }
            });
    return out;
  }

  private static byte[] bytes(Object body) {
    if (body == null) {
      return new byte[0];
    }
    if (body instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
