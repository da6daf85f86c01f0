package io.camelpcluster.emulator.auth;

import java.util.List;
import java.util.Map;

/** TEMPORARY stand-in until the auth package is merged from main. */
public record SignedRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body) {}
