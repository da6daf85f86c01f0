package io.camelpcluster.emulator.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The canonical request of Signature Version 4, rebuilt from a request as received (AWS docs:
 * "Create a canonical request for Signature Version 4"), for every service but S3: the path is
 * normalised and URI-encoded again (double encoding), the query re-encoded and sorted, and only the
 * headers the client listed in {@code SignedHeaders} are used, in its order.
 */
final class CanonicalRequest {

  private static final Pattern WHITESPACE_RUN = Pattern.compile("[ \\t\\n\\r\\f\\x0B]+");
  private static final Pattern TOKEN_HEADER = Pattern.compile("(?im)^(x-amz-security-token:).*$");
  private static final Pattern TOKEN_PARAMETER =
      Pattern.compile("(?i)(X-Amz-Security-Token=)[^&\\n]*");

  private CanonicalRequest() {}

  /**
   * @param excludedQueryParameter the query parameter that carries the signature itself, or null
   * @param signedHeaders lower-case header names as listed by the client
   */
  static String of(
      SignedRequest request,
      QueryParameters query,
      String excludedQueryParameter,
      List<String> signedHeaders,
      String payloadHash) {
    return request.method()
        + "\n"
        + canonicalUri(request.rawPath())
        + "\n"
        + query.canonical(excludedQueryParameter)
        + "\n"
        + canonicalHeaders(request, signedHeaders)
        + "\n"
        + String.join(";", signedHeaders)
        + "\n"
        + payloadHash;
  }

  /** The path as received, normalised, then every byte but unreserved ones and '/' encoded. */
  static String canonicalUri(String rawPath) {
    return UriEncoding.encode(normalize(rawPath), true);
  }

  /**
   * Removes empty, {@code .} and {@code ..} segments (RFC 3986 dot-segment removal plus the
   * collapsing of repeated slashes AWS services apply); keeps a trailing slash.
   */
  static String normalize(String rawPath) {
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : rawPath.split("/")) {
      if (segment.equals("..")) {
        segments.pollLast();
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        segments.addLast(segment);
      }
    }
    if (segments.isEmpty()) {
      return "/";
    }
    String path = "/" + String.join("/", segments);
    return rawPath.endsWith("/") ? path + "/" : path;
  }

  /** The canonical request with the session token's value masked, for logs. */
  static String redacted(String canonicalRequest) {
    String masked = TOKEN_HEADER.matcher(canonicalRequest).replaceAll("$1****");
    return TOKEN_PARAMETER.matcher(masked).replaceAll("$1****");
  }

  private static String canonicalHeaders(SignedRequest request, List<String> signedHeaders) {
    StringBuilder headers = new StringBuilder();
    for (String name : signedHeaders) {
      headers
          .append(name)
          .append(':')
          .append(canonicalValue(request.headerValues(name)))
          .append('\n');
    }
    return headers.toString();
  }

  /**
   * Values trimmed, inner whitespace runs collapsed to one space, repeated headers comma-joined.
   */
  private static String canonicalValue(List<String> values) {
    return values.stream()
        .map(value -> WHITESPACE_RUN.matcher(value.strip()).replaceAll(" "))
        .collect(Collectors.joining(","));
  }
}
