package io.camelpcluster.emulator;

import java.time.Instant;

/**
 * A request the emulator received and answered.
 *
 * @param method the HTTP method
 * @param path the path as received, percent-encoding intact, including the stage
 * @param rawQuery the query string as received, or null
 * @param status the status code answered
 * @param receivedAt when it was received, by the emulator's clock
 */
public record RecordedRequest(
    String method, String path, String rawQuery, int status, Instant receivedAt) {}
