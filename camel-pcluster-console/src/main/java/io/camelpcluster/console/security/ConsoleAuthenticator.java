package io.camelpcluster.console.security;

import java.util.List;
import java.util.Optional;

/**
 * Decides who a console request comes from, given its {@code Authorization} header. The console
 * ships {@link BasicAuthenticator} (users from configuration) and {@link BearerTokenAuthenticator}
 * (tokens from configuration); an application plugs in its own (e.g. checking a JWT) by binding a
 * bean of this type in the Camel registry and naming it in {@code
 * camel.pcluster.console.authenticator}.
 *
 * <p>Implementations compare secrets in constant time and never log them.
 */
public interface ConsoleAuthenticator {

  /**
   * The principal these credentials prove, or empty when they are missing, malformed or wrong.
   *
   * @param authorization the request's {@code Authorization} header, or null when it has none
   */
  Optional<ConsolePrincipal> authenticate(String authorization);

  /**
   * The {@code WWW-Authenticate} challenges of a 401 answer, e.g. {@code Basic realm="pcluster
   * console", charset="UTF-8"}.
   */
  List<String> challenges();
}
