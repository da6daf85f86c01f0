package io.camelpcluster.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthenticatorsTest {

  private static String basic(String pair) {
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void basicChecksUserAndPassword() {
    BasicAuthenticator auth =
        new BasicAuthenticator(Map.of("alice", "pw:with:colons ✓", "bob", "other"));
    assertThat(auth.authenticate(basic("alice:pw:with:colons ✓")))
        .contains(new ConsolePrincipal("alice"));
    assertThat(auth.authenticate(basic("alice:other"))).isEmpty();
    assertThat(auth.authenticate(basic("carol:other"))).isEmpty();
    assertThat(auth.authenticate(basic(":other"))).isEmpty();
    assertThat(auth.authenticate(basic("alice"))).isEmpty();
    assertThat(auth.authenticate("Basic ###")).isEmpty();
    assertThat(
            auth.authenticate(
                "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', 'x'})))
        .isEmpty();
    assertThat(auth.authenticate(null)).isEmpty();
    assertThat(auth.authenticate("Bearer other")).isEmpty();
    assertThat(auth.challenges()).singleElement().asString().startsWith("Basic realm=");
    assertThat(auth.toString()).doesNotContain("other");
  }

  @Test
  void hashedPasswordsAreVerified() {
    String hash = PasswordHash.hash("s3cret ✓".toCharArray());
    assertThat(hash).startsWith("{pbkdf2}310000$").doesNotContain("s3cret");
    BasicAuthenticator auth = new BasicAuthenticator(Map.of("alice", hash));
    assertThat(auth.authenticate(basic("alice:s3cret ✓"))).isPresent();
    assertThat(auth.authenticate(basic("alice:s3cret"))).isEmpty();
    assertThat(auth.authenticate(basic("alice:" + hash))).isEmpty();
    assertThat(PasswordHash.parse(hash).toString()).doesNotContain(hash.substring(10));
  }

  @Test
  void badUsersAndHashesAreRefusedAtConfiguration() {
    assertThatThrownBy(() -> new BasicAuthenticator(Map.of("a:b", "pw")))
        .hasMessageContaining("':'");
    assertThatThrownBy(() -> new BasicAuthenticator(Map.of("alice", "")))
        .hasMessageContaining("alice")
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> PasswordHash.parse("{pbkdf2}nonsense"))
        .hasMessageContaining("{pbkdf2}ITERATIONS$SALT$HASH");
    assertThatThrownBy(() -> PasswordHash.parse("{pbkdf2}10$AAAA$AAAA"))
        .hasMessageContaining("iterations");
  }

  @Test
  void bearerTokensNameTheirPrincipal() {
    BearerTokenAuthenticator auth =
        new BearerTokenAuthenticator(
            Map.of("ci", "0123456789abcdef-ci", "ops", "0123456789abcdef-ops"));
    assertThat(auth.authenticate("Bearer 0123456789abcdef-ops"))
        .contains(new ConsolePrincipal("ops"));
    assertThat(auth.authenticate("bearer 0123456789abcdef-ci"))
        .contains(new ConsolePrincipal("ci"));
    assertThat(auth.authenticate("Bearer 0123456789abcdef-c")).isEmpty();
    assertThat(auth.authenticate("Bearer ")).isEmpty();
    assertThat(auth.authenticate(basic("ci:0123456789abcdef-ci"))).isEmpty();
    assertThatThrownBy(() -> new BearerTokenAuthenticator(Map.of("short", "abc")))
        .hasMessageContaining("at least 16");
  }

  @Test
  void csrfTokensAreBoundToThePrincipalAndTheInstance() {
    CsrfTokens tokens = new CsrfTokens();
    ConsolePrincipal alice = new ConsolePrincipal("alice");
    ConsolePrincipal bob = new ConsolePrincipal("bob");
    String token = tokens.tokenFor(alice);
    assertThat(tokens.isValid(alice, token)).isTrue();
    assertThat(tokens.isValid(bob, token)).isFalse();
    assertThat(tokens.isValid(alice, null)).isFalse();
    assertThat(tokens.isValid(alice, "")).isFalse();
    assertThat(tokens.isValid(alice, token + "x")).isFalse();
    assertThat(new CsrfTokens().isValid(alice, token)).isFalse();
  }
}
