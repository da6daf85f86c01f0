package io.camelpcluster.console.security;

import java.util.Objects;

/**
 * Who a console request was authenticated as.
 *
 * @param name the user name (HTTP Basic), the token's name (bearer) or what a custom {@link
 *     ConsoleAuthenticator} chose; recorded as the creator of clusters made from the console
 */
public record ConsolePrincipal(String name) {
  public ConsolePrincipal {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a principal needs a name");
    }
  }
}
