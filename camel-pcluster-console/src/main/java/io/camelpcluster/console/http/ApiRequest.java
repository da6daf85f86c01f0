package io.camelpcluster.console.http;

import io.camelpcluster.console.security.ConsolePrincipal;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/** What a REST handler sees of an authenticated request: path and query values, the body. */
public final class ApiRequest {

  /** The largest request body read (a job script is the largest thing sent). */
  public static final int MAX_BODY_CHARS = 1024 * 1024;

  private static final Pattern CLUSTER_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]{0,59}");

  private final Exchange exchange;
  private final ConsolePrincipal principal;

  ApiRequest(Exchange exchange, ConsolePrincipal principal) {
    this.exchange = exchange;
    this.principal = principal;
  }

  public ConsolePrincipal principal() {
    return principal;
  }

  /** A path or query parameter, or null. */
  public String param(String name) {
    return exchange.getMessage().getHeader(name, String.class);
  }

  /** A path or query parameter that must be there. */
  public String requiredParam(String name) {
    String value = param(name);
    if (value == null || value.isEmpty()) {
      throw ApiException.badRequest("missing parameter " + name);
    }
    return value;
  }

  /** The {@code name} path parameter, checked to be a ParallelCluster cluster name. */
  public String clusterName() {
    return requireClusterName(requiredParam("name"));
  }

  /** Checks a cluster name before it goes anywhere (the message does not repeat it). */
  public static String requireClusterName(String name) {
    if (name == null || !CLUSTER_NAME.matcher(name).matches()) {
      throw ApiException.badRequest(
          "a cluster name starts with a letter and has at most 60 letters, digits and hyphens");
    }
    return name;
  }

  /** An optional integer query parameter within bounds. */
  public Integer intParam(String name, int min, int max) {
    String value = param(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw ApiException.badRequest(name + " must be between " + min + " and " + max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number");
    }
  }

  /** The JSON body read as a record. */
  public <T> T body(Class<T> type) {
    String text = exchange.getMessage().getBody(String.class);
    if (text != null && text.length() > MAX_BODY_CHARS) {
      throw new ApiException(
          413, "the request body is larger than " + MAX_BODY_CHARS + " characters");
    }
    return ConsoleJson.read(text, type);
  }
}
