package io.camelpcluster.console.http;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes the HTTP answer of a console route: drops every header of the request first (platform-http
 * would otherwise echo them, {@code Authorization} included), then sets the security headers.
 */
public final class ResponseHeaders {

  /** Scripts, styles, images and calls from the console's own origin only; never framed. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private ResponseHeaders() {}

  /** Replaces all headers with the status, the content type and the security headers. */
  public static void write(
      Exchange exchange, int status, String contentType, List<String> challenges) {
    Message message = exchange.getMessage();
    message.removeHeaders("*");
    message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    message.setHeader(Exchange.CONTENT_TYPE, contentType);
    message.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    message.setHeader("X-Content-Type-Options", "nosniff");
    message.setHeader("X-Frame-Options", "DENY");
    message.setHeader("Referrer-Policy", "no-referrer");
    message.setHeader("Cache-Control", "no-store");
    if (!challenges.isEmpty()) {
      message.setHeader(
          "WWW-Authenticate", challenges.size() == 1 ? challenges.get(0) : challenges);
    }
  }
}
