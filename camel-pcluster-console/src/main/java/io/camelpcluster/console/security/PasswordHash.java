package io.camelpcluster.console.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A configured password: plain text, or a PBKDF2 hash written {@code {pbkdf2}ITERATIONS$SALT$HASH}
 * (PBKDF2WithHmacSHA256, salt and 256-bit hash in Base64), as {@link #main} prints it. Both are
 * checked in constant time.
 */
public final class PasswordHash {

  private static final String PREFIX = "{pbkdf2}";
  private static final Pattern HASHED =
      Pattern.compile("\\{pbkdf2}(\\d{1,9})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");
  private static final int DEFAULT_ITERATIONS = 310_000;
  private static final int KEY_BITS = 256;

  private final String plain;
  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;

  private PasswordHash(String plain, int iterations, byte[] salt, byte[] hash) {
    this.plain = plain;
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
  }

  /** Reads a configured password; a value starting with {@code {pbkdf2}} must be a valid hash. */
  public static PasswordHash parse(String configured) {
    if (configured == null || configured.isEmpty()) {
      throw new IllegalArgumentException("a console password must not be empty");
    }
    if (!configured.startsWith(PREFIX)) {
      return new PasswordHash(configured, 0, null, null);
    }
    Matcher m = HASHED.matcher(configured);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "a hashed console password must read {pbkdf2}ITERATIONS$SALT$HASH (Base64)");
    }
    int iterations = Integer.parseInt(m.group(1));
    if (iterations < 10_000) {
      throw new IllegalArgumentException(
          "a hashed console password needs at least 10000 iterations, has " + iterations);
    }
    Base64.Decoder base64 = Base64.getDecoder();
    return new PasswordHash(null, iterations, base64.decode(m.group(2)), base64.decode(m.group(3)));
  }

  /** A new hash of a password, with a random salt, in the form {@link #parse} reads. */
  public static String hash(char[] password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder();
    return PREFIX
        + DEFAULT_ITERATIONS
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(pbkdf2(password, salt, DEFAULT_ITERATIONS));
  }

  /** Whether a presented password matches, in constant time. */
  public boolean matches(String presented) {
    if (plain != null) {
      return Secrets.equal(presented, plain);
    }
    return MessageDigest.isEqual(pbkdf2(presented.toCharArray(), salt, iterations), hash);
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password, salt, iterations, KEY_BITS))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
    }
  }

  /** Prints the hash of a password read from the console (not echoed), for the configuration. */
  public static void main(String[] args) {
    java.io.Console console = System.console();
    if (console == null) {
      System.err.println("run this in a terminal: the password is read without echo");
      System.exit(2);
    }
    char[] password = console.readPassword("console password: ");
    System.out.println(hash(password));
  }

  @Override
  public String toString() {
    return "PasswordHash[" + (plain != null ? "plain" : "pbkdf2") + ", ****]";
  }
}
