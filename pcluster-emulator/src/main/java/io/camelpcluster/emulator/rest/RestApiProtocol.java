package io.camelpcluster.emulator.rest;

import io.camelpcluster.emulator.model.ApiException;
import io.camelpcluster.emulator.server.Call;
import io.camelpcluster.emulator.server.HttpResult;
import io.camelpcluster.emulator.server.Protocol;
import io.camelpcluster.emulator.server.ReceivedRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ParallelCluster REST API under {@code /{stage}}: routes the 20 operations and renders {@link
 * ApiException}s. Requests are signed for {@code execute-api}.
 */
public final class RestApiProtocol implements Protocol {
  /** The SigV4 service name of API Gateway. */
  public static final String SIGNING_SERVICE = "execute-api";

  private static final Logger LOG = LoggerFactory.getLogger(RestApiProtocol.class);

  private final String stagePrefix;
  private final List<Route> routes;

  /**
   * @param stage the API Gateway stage, e.g. {@code prod}
   * @param routes the operations
   */
  public RestApiProtocol(String stage, List<Route> routes) {
    this.stagePrefix = "/" + stage + "/";
    this.routes = List.copyOf(routes);
  }

  @Override
  public Optional<Call> resolve(ReceivedRequest request) {
    String path = request.rawPath();
    if (path == null || !path.startsWith(stagePrefix)) {
      return Optional.empty();
    }
    List<String> segments = Arrays.asList(path.substring(stagePrefix.length()).split("/", -1));
    for (Route route : routes) {
      if (!route.method().equals(request.method())) {
        continue;
      }
      Optional<Map<String, String>> parameters = route.match(segments);
      if (parameters.isPresent()) {
        OperationRequest operationRequest =
            new OperationRequest(
                parameters.get(),
                QueryParameters.parse(request.rawQuery()),
                request.body(),
                request.receivedAt());
        return Optional.of(
            new Call(SIGNING_SERVICE, true, route.mutating(), () -> run(route, operationRequest)));
      }
    }
    return Optional.empty();
  }

  private static HttpResult run(Route route, OperationRequest request) {
    LOG.debug("Serving {}", route.operationId());
    try {
      return route.handler().handle(request);
    } catch (ApiException e) {
      return HttpResult.json(e.status(), e.body());
    }
  }
}
