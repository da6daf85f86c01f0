package io.camelpcluster.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The AWS credentials the emulator knows, by access key id. Thread-safe; adding a key again
 * replaces it.
 */
public final class CredentialStore {

  /** Printable ASCII without the separators of the Authorization header and credential scope. */
  private static final Pattern ACCESS_KEY_ID = Pattern.compile("[\\x21-\\x7E&&[^/,=]]{1,128}");

  private final ConcurrentMap<String, StoredCredentials> byAccessKeyId = new ConcurrentHashMap<>();

  /** Adds long-term credentials: requests must not carry a security token. */
  public CredentialStore add(String accessKeyId, String secretAccessKey) {
    return put(accessKeyId, secretAccessKey, null);
  }

  /**
   * Adds temporary credentials: requests must carry {@code sessionToken} in {@code
   * X-Amz-Security-Token}.
   */
  public CredentialStore add(String accessKeyId, String secretAccessKey, String sessionToken) {
    if (sessionToken == null || sessionToken.isBlank()) {
      throw new IllegalArgumentException("sessionToken must not be blank");
    }
    return put(accessKeyId, secretAccessKey, sessionToken);
  }

  Optional<StoredCredentials> find(String accessKeyId) {
    return Optional.ofNullable(byAccessKeyId.get(accessKeyId));
  }

  private CredentialStore put(String accessKeyId, String secretAccessKey, String sessionToken) {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    if (!ACCESS_KEY_ID.matcher(accessKeyId).matches()) {
      throw new IllegalArgumentException(
          "accessKeyId must be 1 to 128 printable ASCII characters without '/', ',' or '='");
    }
    if (secretAccessKey == null || secretAccessKey.isEmpty()) {
      throw new IllegalArgumentException("secretAccessKey must not be empty");
    }
    byAccessKeyId.put(accessKeyId, new StoredCredentials(secretAccessKey, sessionToken));
    return this;
  }

  /** A secret key and, for temporary credentials, the session token that must come with it. */
  record StoredCredentials(String secretAccessKey, String sessionToken) {

    /** Whether {@code presented} (null when absent) is the token these credentials require. */
    boolean acceptsSessionToken(String presented) {
      if (sessionToken == null || presented == null) {
        return sessionToken == null && presented == null;
      }
      return MessageDigest.isEqual(
          sessionToken.getBytes(StandardCharsets.UTF_8),
          presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "StoredCredentials[secretAccessKey=****, sessionToken="
          + (sessionToken == null ? "none" : "****")
          + "]";
    }
  }
}
