package io.camelpcluster.emulator.rest;

import io.camelpcluster.emulator.server.HttpResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of the REST API: method and path template (e.g. {@code
 * /v3/clusters/{clusterName}}), matched segment by segment as API Gateway does.
 *
 * @param operationId the spec's operation name
 * @param method the HTTP method
 * @param segments the template's segments; {@code {name}} captures one whole segment
 * @param mutating whether the operation changes state
 * @param handler runs the operation
 */
public record Route(
    String operationId, String method, List<String> segments, boolean mutating, Handler handler) {

  /** Runs an operation. */
  @FunctionalInterface
  public interface Handler {
    HttpResult handle(OperationRequest request);
  }

  /** A route from a template such as {@code /v3/clusters/{clusterName}}. */
  public static Route of(
      String operationId, String method, String template, boolean mutating, Handler handler) {
    return new Route(
        operationId, method, List.of(template.substring(1).split("/")), mutating, handler);
  }

  /** The decoded path parameters when the raw segments match this template. */
  public Optional<Map<String, String>> match(List<String> rawSegments) {
    if (rawSegments.size() != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> parameters = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String template = segments.get(i);
      String raw = rawSegments.get(i);
      if (template.startsWith("{")) {
        if (raw.isEmpty()) {
          return Optional.empty();
        }
        parameters.put(template.substring(1, template.length() - 1), UriCodec.decodePath(raw));
      } else if (!template.equals(raw)) {
        return Optional.empty();
      }
    }
    return Optional.of(parameters);
  }
}
