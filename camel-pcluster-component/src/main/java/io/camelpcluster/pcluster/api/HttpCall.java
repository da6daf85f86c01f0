package io.camelpcluster.pcluster.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * One HTTP exchange of the API, before signing: method, path under {@code /v3}, query parameters
 * (unencoded, a key may repeat) and the JSON body.
 *
 * @param operation the API operation, e.g. {@code ListClusters}
 * @param idempotent whether sending it twice is harmless, so that failures that may have taken
 *     effect can be retried blindly
 */
record HttpCall(
    String operation,
    String method,
    List<String> pathSegments,
    List<Map.Entry<String, String>> query,
    byte[] body,
    boolean idempotent) {

  HttpCall {
    pathSegments = List.copyOf(pathSegments);
    query = List.copyOf(query);
  }

  static Builder builder(String operation, String method) {
    return new Builder(operation, method);
  }

  /** The path with every segment percent-encoded ({@code /} becomes {@code %2F}). */
  String encodedPath() {
    return pathSegments.stream()
        .map(SdkHttpUtils::urlEncode)
        .collect(Collectors.joining("/", "/v3/", ""));
  }

  /** Whether a query parameter of that name is present. */
  boolean hasQueryParameter(String name) {
    return query.stream().anyMatch(entry -> entry.getKey().equals(name));
  }

  /** A copy with one more query parameter. */
  HttpCall withQueryParameter(String name, String value) {
    List<Map.Entry<String, String>> extended = new ArrayList<>(query);
    extended.add(Map.entry(name, value));
    return new HttpCall(operation, method, pathSegments, extended, body, idempotent);
  }

  /** Builds an {@link HttpCall}; null query values are left out. */
  static final class Builder {
    private final String operation;
    private final String method;
    private final List<String> pathSegments = new ArrayList<>();
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private byte[] body;
    private boolean idempotent;

    private Builder(String operation, String method) {
      this.operation = operation;
      this.method = method;
      this.idempotent = !"POST".equals(method);
    }

    /** Appends path segments after {@code /v3}; each is encoded on its own. */
    Builder path(String... segments) {
      pathSegments.addAll(List.of(segments));
      return this;
    }

    /**
     * Adds a query parameter: collections repeat the key, booleans are {@code true}/{@code false},
     * enums use their wire spelling, instants ISO-8601 UTC; null is left out.
     */
    Builder query(String name, Object value) {
      if (value instanceof Collection<?> values) {
        values.forEach(item -> query(name, item));
      } else if (value != null) {
        query.add(Map.entry(name, render(value)));
      }
      return this;
    }

    /** Sets the JSON body, serialised from a map or record. */
    Builder jsonBody(Object content) {
      try {
        this.body = ApiJson.mapper().writeValueAsBytes(content);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot serialise the body of " + operation, e);
      }
      return this;
    }

    /** Overrides the default (every method but POST is idempotent). */
    Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    HttpCall build() {
      return new HttpCall(operation, method, pathSegments, query, body, idempotent);
    }

    private static String render(Object value) {
      if (value instanceof Enum<?> constant) {
        return ApiJson.wireValue(constant);
      }
      if (value instanceof Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
      }
      return value.toString();
    }
  }
}
