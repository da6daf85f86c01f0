package io.camelpcluster.emulator.server;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as received: the path and query exactly as sent (percent-encoding intact),
 * headers keyed in lower case.
 */
public record ReceivedRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    Instant receivedAt) {}
