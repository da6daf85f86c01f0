package io.camelpcluster.emulator.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request exactly as the server received it, to be checked against its AWS Signature
 * Version 4.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param rawPath the path as received, percent-encoding intact (e.g. {@code
 *     /prod/v3/images/custom/img/logstreams/3.12.0%2F1})
 * @param rawQuery the raw query string without {@code ?}, or {@code null}
 * @param headers the headers; names in any case, values in the order received. Kept as an
 *     immutable, case-insensitive copy
 * @param body the body bytes ({@code null} means empty); not copied
 */
public record SignedRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body) {

  public SignedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    headers = caseInsensitiveCopy(headers == null ? Map.of() : headers);
    body = body == null ? new byte[0] : body;
  }

  /** All values of the header {@code name} (any case), in the order received; empty if absent. */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** The first value of the header {@code name} (any case). */
  public Optional<String> firstHeader(String name) {
    return headerValues(name).stream().findFirst();
  }

  /** Method, path, query, header names and body size only: header values may hold credentials. */
  @Override
  public String toString() {
    return "SignedRequest["
        + method
        + " "
        + rawPath
        + (rawQuery == null ? "" : "?" + rawQuery)
        + ", headers="
        + headers.keySet()
        + ", body="
        + body.length
        + " bytes]";
  }

  private static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> headers) {
    Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> {
          if (name != null && values != null) {
            List<String> all = merged.computeIfAbsent(name, n -> new ArrayList<>());
            values.stream().filter(Objects::nonNull).forEach(all::add);
          }
        });
    merged.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(merged);
  }
}
