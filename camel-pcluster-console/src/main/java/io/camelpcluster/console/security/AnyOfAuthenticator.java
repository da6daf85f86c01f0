package io.camelpcluster.console.security;

import java.util.List;
import java.util.Optional;

/** Accepts what any of its authenticators accepts (e.g. Basic users and bearer tokens). */
public record AnyOfAuthenticator(List<ConsoleAuthenticator> authenticators)
    implements ConsoleAuthenticator {

  public AnyOfAuthenticator {
    authenticators = List.copyOf(authenticators);
    if (authenticators.isEmpty()) {
      throw new IllegalArgumentException("no authenticator");
    }
  }

  @Override
  public Optional<ConsolePrincipal> authenticate(String authorization) {
    for (ConsoleAuthenticator authenticator : authenticators) {
      Optional<ConsolePrincipal> principal = authenticator.authenticate(authorization);
      if (principal.isPresent()) {
        return principal;
      }
    }
    return Optional.empty();
  }

  @Override
  public List<String> challenges() {
    return authenticators.stream().flatMap(a -> a.challenges().stream()).toList();
  }
}
