package io.camelpcluster.console.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens bound to the authenticated principal: an HMAC of the principal's name under a key
 * drawn at random when the console starts. A token is handed out by the authenticated {@code GET
 * .../api/session} and must come back in the {@code X-CSRF-Token} header of every state-changing
 * call of the same principal; a restart invalidates all tokens.
 */
public final class CsrfTokens {

  /** The request header that carries the token. */
  public static final String HEADER = "X-CSRF-Token";

  private final SecretKeySpec key;

  public CsrfTokens() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
  }

  /** The token of a principal. */
  public String tokenFor(ConsolePrincipal principal) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] tag = mac.doFinal(("csrf\n" + principal.name()).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks HmacSHA256", e);
    }
  }

  /** Whether a presented token (possibly null) is the principal's, compared in constant time. */
  public boolean isValid(ConsolePrincipal principal, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            tokenFor(principal).getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.UTF_8));
  }
}
