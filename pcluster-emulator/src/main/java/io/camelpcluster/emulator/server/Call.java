package io.camelpcluster.emulator.server;

import java.util.function.Supplier;

/**
 * A request a {@link Protocol} has recognised, ready to run.
 *
 * @param signingService the SigV4 service name the request must be signed for, or null when the
 *     request authenticates itself (e.g. a presigned URL)
 * @param faultable whether fault injection applies (API requests, not object downloads)
 * @param mutating whether the call changes state (for gateway-timeout-after-apply faults)
 * @param action runs the call
 */
public record Call(
    String signingService, boolean faultable, boolean mutating, Supplier<HttpResult> action) {}
