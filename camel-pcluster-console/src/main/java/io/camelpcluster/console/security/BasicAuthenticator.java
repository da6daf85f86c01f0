package io.camelpcluster.console.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP Basic authentication against users from configuration ({@code
 * camel.pcluster.console.users.NAME=PASSWORD}, the password plain or hashed, see {@link
 * PasswordHash}). An unknown user costs the same comparison as a known one.
 */
public final class BasicAuthenticator implements ConsoleAuthenticator {

  private static final PasswordHash NOBODY = PasswordHash.parse("\u0000no such user\u0000");

  private final Map<String, PasswordHash> users;

  /** Users by name; their passwords as configured (plain or {@code {pbkdf2}...}). */
  public BasicAuthenticator(Map<String, String> users) {
    Map<String, PasswordHash> parsed = new LinkedHashMap<>();
    users.forEach(
        (name, password) -> {
          if (name == null || name.isBlank() || name.indexOf(':') >= 0) {
            throw new IllegalArgumentException(
                "a console user name must not be blank nor contain ':'");
          }
          try {
            parsed.put(name, PasswordHash.parse(password));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("console user " + name + ": " + e.getMessage(), e);
          }
        });
    this.users = Map.copyOf(parsed);
  }

  @Override
  public Optional<ConsolePrincipal> authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String pair;
    try {
      byte[] decoded = Base64.getDecoder().decode(authorization.substring(6).trim());
      pair =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(decoded))
              .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return Optional.empty();
    }
    int colon = pair.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String name = pair.substring(0, colon);
    PasswordHash expected = users.get(name);
    boolean matches = (expected != null ? expected : NOBODY).matches(pair.substring(colon + 1));
    return expected != null && matches ? Optional.of(new ConsolePrincipal(name)) : Optional.empty();
  }

  @Override
  public List<String> challenges() {
    return List.of("Basic realm=\"pcluster console\", charset=\"UTF-8\"");
  }

  @Override
  public String toString() {
    return "BasicAuthenticator" + users.keySet();
  }
}
