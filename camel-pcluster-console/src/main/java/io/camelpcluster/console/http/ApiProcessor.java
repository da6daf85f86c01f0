package io.camelpcluster.console.http;

import io.camelpcluster.console.security.ConsolePrincipal;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Serves one REST operation: checks the caller ({@link ConsoleGuard}), runs the handler, and
 * answers JSON with the security headers; any failure becomes a JSON error ({@link ApiErrors}).
 */
public final class ApiProcessor implements Processor {

  private static final String JSON = "application/json; charset=utf-8";

  private final ConsoleGuard guard;
  private final boolean mutating;
  private final ApiHandler handler;

  public ApiProcessor(ConsoleGuard guard, boolean mutating, ApiHandler handler) {
    this.guard = guard;
    this.mutating = mutating;
    this.handler = handler;
  }

  @Override
  public void process(Exchange exchange) {
    int status;
    Object body;
    List<String> challenges = List.of();
    try {
      ConsolePrincipal principal = guard.check(exchange, mutating);
      body = handler.handle(new ApiRequest(exchange, principal));
      status = body == null ? 204 : 200;
    } catch (Exception e) {
      ApiErrors.ApiError error = ApiErrors.of(e);
      status = error.status();
      body = error.body();
      if (status == 401) {
        challenges = guard.authenticator().challenges();
      }
    }
    exchange.setException(null);
    ResponseHeaders.write(exchange, status, JSON, challenges);
    exchange.getMessage().setBody(body == null ? null : ConsoleJson.write(body));
  }
}
