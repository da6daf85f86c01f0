package io.camelpcluster.emulator.server;

import io.camelpcluster.emulator.auth.SignedRequest;
import io.camelpcluster.emulator.auth.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to every request, in API Gateway's order: route it (unknown routes get 403 {@code
 * Missing Authentication Token}), verify its SigV4 signature, apply injected faults, run it, and
 * possibly replace a mutating call's answer with a gateway timeout.
 */
public final class RequestPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);

  private final List<Protocol> protocols;
  private final Function<String, Authenticator> authenticators;
  private final FaultPolicy faults;

  /** Verifies a request signed for one service. */
  @FunctionalInterface
  public interface Authenticator {
    Verdict verify(SignedRequest request);
  }

  /**
   * @param protocols asked in order
   * @param authenticators the verifier per SigV4 service name; null when requests are anonymous
   * @param faults the faults to inject
   */
  public RequestPipeline(
      List<Protocol> protocols,
      Function<String, Authenticator> authenticators,
      FaultPolicy faults) {
    this.protocols = List.copyOf(protocols);
    this.authenticators = authenticators;
    this.faults = faults;
  }

  /** Answers one request; never throws. */
  public HttpResult handle(ReceivedRequest request) {
    Optional<Call> resolved =
        protocols.stream().map(p -> p.resolve(request)).flatMap(Optional::stream).findFirst();
    if (resolved.isEmpty()) {
      return HttpResult.error(403, "Missing Authentication Token");
    }
    Call call = resolved.get();
    if (call.signingService() != null && authenticators != null) {
      Verdict verdict =
          authenticators
              .apply(call.signingService())
              .verify(
                  new SignedRequest(
                      request.method(),
                      request.rawPath(),
                      request.rawQuery(),
                      request.headers(),
                      request.body()));
      if (verdict instanceof Verdict.Rejected rejected) {
        return call.rejection().apply(rejected);
      }
    }
    if (call.faultable()) {
      Optional<HttpResult> fault = faults.beforeDispatch();
      if (fault.isPresent()) {
        return fault.get();
      }
    }
    HttpResult result = run(call);
    if (call.mutating() && result.status() < 300 && faults.timeoutAfterApply()) {
      return HttpResult.gatewayTimeout();
    }
    return result;
  }

  private static HttpResult run(Call call) {
    try {
      return call.action().get();
    } catch (RuntimeException e) {
      LOG.error("Unexpected error while serving a request", e);
      return HttpResult.error(500, "Internal server error");
    }
  }
}
