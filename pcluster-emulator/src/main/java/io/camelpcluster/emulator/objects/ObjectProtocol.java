package io.camelpcluster.emulator.objects;

import io.camelpcluster.emulator.server.Call;
import io.camelpcluster.emulator.server.HttpResult;
import io.camelpcluster.emulator.server.Protocol;
import io.camelpcluster.emulator.server.ReceivedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Serves presigned object URLs ({@code GET /_emulator/s3/<key>?X-Amz-...}): no SigV4, no fault
 * injection; errors are S3's XML errors.
 */
public final class ObjectProtocol implements Protocol {
  private final PresignedUrls urls;
  private final Function<String, Optional<String>> objects;
  private final Clock clock;

  /**
   * @param urls checks the signatures
   * @param objects reads an object by key
   * @param clock tells whether a URL expired
   */
  public ObjectProtocol(
      PresignedUrls urls, Function<String, Optional<String>> objects, Clock clock) {
    this.urls = urls;
    this.objects = objects;
    this.clock = clock;
  }

  @Override
  public Optional<Call> resolve(ReceivedRequest request) {
    if (!request.method().equals("GET")
        || request.rawPath() == null
        || !request.rawPath().startsWith(PresignedUrls.PATH_PREFIX)) {
      return Optional.empty();
    }
    return Optional.of(new Call(null, false, false, () -> serve(request)));
  }

  private HttpResult serve(ReceivedRequest request) {
    String key = request.rawPath().substring(PresignedUrls.PATH_PREFIX.length());
    Map<String, String> query = query(request.rawQuery());
    if (!urls.verify(
        key,
        query.get("X-Amz-Date"),
        query.get("X-Amz-Expires"),
        query.get("X-Amz-Signature"),
        clock.instant())) {
      return s3Error(403, "AccessDenied", "Request has expired or its signature does not match");
    }
    return objects
        .apply(key)
        .map(yaml -> HttpResult.text(200, "application/x-yaml", yaml))
        .orElseGet(() -> s3Error(404, "NoSuchKey", "The specified key does not exist."));
  }

  private static HttpResult s3Error(int status, String code, String message) {
    return HttpResult.text(
        status,
        "application/xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message></Error>");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          try {
            values.put(
                pair.substring(0, eq),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            // a malformed escape makes the signature fail
          }
        }
      }
    }
    return values;
  }
}
