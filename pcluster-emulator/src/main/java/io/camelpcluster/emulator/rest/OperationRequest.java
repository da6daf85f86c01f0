package io.camelpcluster.emulator.rest;

import java.time.Instant;
import java.util.Map;

/**
 * A request routed to an operation: decoded path parameters, the query and the raw body.
 *
 * @param pathParameters path parameters, percent-decoded
 * @param query the query parameters
 * @param body the body bytes (empty when none)
 * @param receivedAt when the request arrived
 */
public record OperationRequest(
    Map<String, String> pathParameters, QueryParameters query, byte[] body, Instant receivedAt) {

  /** A path parameter. */
  public String path(String name) {
    return pathParameters.get(name);
  }

  /** The body as a JSON object. */
  public JsonBody json() {
    return JsonBody.parse(body);
  }
}
