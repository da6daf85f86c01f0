package io.camelpcluster.pcluster.api;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP answer of the API.
 *
 * @param attempt which attempt of the call produced it (1 for the first)
 */
record HttpResult(int statusCode, HttpHeaders headers, byte[] body, int attempt) {

  boolean isSuccess() {
    return statusCode >= 200 && statusCode < 300;
  }

  boolean hasBody() {
    return body != null && body.length > 0 && !bodyText().isBlank();
  }

  String bodyText() {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }

  String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  HttpResult withAttempt(int attempt) {
    return new HttpResult(statusCode, headers, body, attempt);
  }
}
