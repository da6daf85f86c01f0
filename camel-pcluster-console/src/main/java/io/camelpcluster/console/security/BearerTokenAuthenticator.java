package io.camelpcluster.console.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens from configuration ({@code camel.pcluster.console.tokens.NAME=TOKEN}): a request
 * with {@code Authorization: Bearer TOKEN} is the principal NAME. Every token is compared, in
 * constant time, so the time taken does not tell which one nearly matched.
 */
public final class BearerTokenAuthenticator implements ConsoleAuthenticator {

  /** Tokens shorter than this are refused at configuration: they could be guessed. */
  public static final int MIN_TOKEN_LENGTH = 16;

  private final Map<String, String> tokens;

  /** Tokens by the name of the principal they stand for. */
  public BearerTokenAuthenticator(Map<String, String> tokens) {
    tokens.forEach(
        (name, token) -> {
          if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a console token needs a name");
          }
          if (token == null || token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException(
                "console token "
                    + name
                    + " must have at least "
                    + MIN_TOKEN_LENGTH
                    + " characters");
          }
        });
    this.tokens = Map.copyOf(tokens);
  }

  @Override
  public Optional<ConsolePrincipal> authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String presented = authorization.substring(7).trim();
    String found = null;
    for (Map.Entry<String, String> token : tokens.entrySet()) {
      if (Secrets.equal(presented, token.getValue()) && found == null) {
        found = token.getKey();
      }
    }
    return Optional.ofNullable(found).map(ConsolePrincipal::new);
  }

  @Override
  public List<String> challenges() {
    return List.of("Bearer realm=\"pcluster console\"");
  }

  @Override
  public String toString() {
    return "BearerTokenAuthenticator" + tokens.keySet();
  }
}
