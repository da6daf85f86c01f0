package io.camelpcluster.console.view;

import io.camelpcluster.console.http.ApiException;
import io.camelpcluster.pcluster.api.model.ClusterConfigurationStructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches a cluster's configuration YAML from the presigned URL DescribeCluster gives. The URL is a
 * credential for an hour: it is used here and never handed to the browser.
 */
final class ConfigurationFetcher {

  /** The largest configuration read. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  String fetch(String clusterName, ClusterConfigurationStructure configuration)
      throws IOException, InterruptedException {
    if (configuration == null || !configuration.isAvailable()) {
      throw new ApiException(404, "the configuration of this cluster is not available");
    }
    URI uri = URI.create(configuration.url());
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw new ApiException(502, "the API gave a configuration URL that is not HTTP(S)");
    }
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new ApiException(
            502,
            "fetching the configuration of "
                + clusterName
                + " failed: HTTP "
                + response.statusCode());
      }
      byte[] bytes = body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new ApiException(502, "the configuration is larger than " + MAX_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
