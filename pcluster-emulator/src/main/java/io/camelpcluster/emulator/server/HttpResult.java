package io.camelpcluster.emulator.server;

import io.camelpcluster.emulator.model.Responses;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer: status, headers and body (empty for none). */
public record HttpResult(int status, Map<String, String> headers, byte[] body) {

  private static final String JSON = "application/json";

  /** A JSON answer. */
  public static HttpResult json(int status, Object body) {
    return new HttpResult(status, Map.of("Content-Type", JSON), Json.bytes(body));
  }

  /** An answer without a body. */
  public static HttpResult empty(int status) {
    return new HttpResult(status, Map.of(), new byte[0]);
  }

  /** An error answer {@code {"message": ...}}. */
  public static HttpResult error(int status, String message) {
    return json(status, Responses.Error.of(message));
  }

  /** API Gateway's answer when the integration runs past its timeout. */
  public static HttpResult gatewayTimeout() {
    return error(504, "Endpoint request timed out");
  }

  /** A text answer of the given content type. */
  public static HttpResult text(int status, String contentType, String text) {
    return new HttpResult(
        status, Map.of("Content-Type", contentType), text.getBytes(StandardCharsets.UTF_8));
  }

  /** This answer with one more header. */
  public HttpResult withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpResult(status, Map.copyOf(copy), body);
  }
}
