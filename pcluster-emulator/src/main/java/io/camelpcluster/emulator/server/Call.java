package io.camelpcluster.emulator.server;

import io.camelpcluster.emulator.auth.Verdict;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A request a {@link Protocol} has recognised, ready to run.
 *
 * @param signingService the SigV4 service name the request must be signed for, or null when the
 *     request authenticates itself (e.g. a presigned URL)
 * @param faultable whether fault injection applies (API requests, not object downloads)
 * @param mutating whether the call changes state (for gateway-timeout-after-apply faults)
 * @param action runs the call
 * @param rejection the answer to a request whose signature is refused, in the protocol's error
 *     shape
 */
public record Call(
    String signingService,
    boolean faultable,
    boolean mutating,
    Supplier<HttpResult> action,
    Function<Verdict.Rejected, HttpResult> rejection) {

  /** A call whose signature refusals are answered as API Gateway does ({@code {"message":..}}). */
  public Call(
      String signingService, boolean faultable, boolean mutating, Supplier<HttpResult> action) {
    this(
        signingService,
        faultable,
        mutating,
        action,
        rejected -> HttpResult.error(rejected.status(), rejected.message()));
  }
}
