package io.camelpcluster.console.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Constant-time comparison of secrets whatever their lengths. */
final class Secrets {
  private Secrets() {}

  /**
   * Whether two secrets are equal, in a time that depends on neither their contents nor their
   * lengths (both are hashed first).
   */
  static boolean equal(String presented, String expected) {
    return MessageDigest.isEqual(sha256(presented), sha256(expected));
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
