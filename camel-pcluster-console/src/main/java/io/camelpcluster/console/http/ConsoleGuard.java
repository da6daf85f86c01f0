package io.camelpcluster.console.http;

import io.camelpcluster.console.security.ConsoleAuthenticator;
import io.camelpcluster.console.security.ConsolePrincipal;
import io.camelpcluster.console.security.CsrfTokens;
import java.net.URI;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Lets a request through only when it is authenticated and, if it changes state, carries its
 * principal's CSRF token and comes from the console's own origin.
 */
public final class ConsoleGuard {

  private final ConsoleAuthenticator authenticator;
  private final CsrfTokens csrf;

  public ConsoleGuard(ConsoleAuthenticator authenticator, CsrfTokens csrf) {
    this.authenticator = authenticator;
    this.csrf = csrf;
  }

  public ConsoleAuthenticator authenticator() {
    return authenticator;
  }

  public CsrfTokens csrf() {
    return csrf;
  }

  /**
   * The principal of the request.
   *
   * @param mutating whether the call changes state (POST, PUT, DELETE)
   * @throws ApiException 401 without valid credentials, 403 without the CSRF token or from another
   *     origin
   */
  public ConsolePrincipal check(Exchange exchange, boolean mutating) {
    Message message = exchange.getMessage();
    ConsolePrincipal principal =
        authenticator
            .authenticate(message.getHeader("Authorization", String.class))
            .orElseThrow(() -> new ApiException(401, "authentication required"));
    if (mutating) {
      checkOrigin(message);
      if (!csrf.isValid(principal, message.getHeader(CsrfTokens.HEADER, String.class))) {
        throw new ApiException(
            403,
            "missing or invalid CSRF token: send the csrfToken of GET .../api/session in the "
                + CsrfTokens.HEADER
                + " header");
      }
    }
    return principal;
  }

  /** The host[:port] of a URL, or null when it has none or is malformed. */
  private static String authority(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = URI.create(url);
      return uri.getHost() == null ? null : uri.getRawAuthority();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A state-changing call that names its origin must come from the host it is sent to. */
  private static void checkOrigin(Message message) {
    String fetchSite = message.getHeader("Sec-Fetch-Site", String.class);
    if (fetchSite != null && fetchSite.equalsIgnoreCase("cross-site")) {
      throw new ApiException(403, "cross-site requests are refused");
    }
    String origin = message.getHeader("Origin", String.class);
    if (origin == null) {
      return;
    }
    String host = authority(message.getHeader(Exchange.HTTP_URL, String.class));
    String originHost = authority(origin);
    if (originHost == null
        || host == null
        || !originHost.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))) {
      throw new ApiException(403, "the request's Origin is not this console's");
    }
  }
}
