package io.camelpcluster.pcluster;

import org.apache.camel.util.ObjectHelper;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where an endpoint's AWS credentials come from, chosen from the security options as the {@code
 * camel-aws2-*} components do. A value type: equal sources share one client. Never shows a secret.
 */
sealed interface CredentialsSource {

  /** A new provider; the caller closes it when it is {@link AutoCloseable}. */
  AwsCredentialsProvider provider();

  /** The SDK's default chain (also when nothing else is configured). */
  record DefaultChain() implements CredentialsSource {
    @Override
    public AwsCredentialsProvider provider() {
      return DefaultCredentialsProvider.builder().build();
    }
  }

  /** A named profile, or the SDK's default profile when the name is null. */
  record Profile(String name) implements CredentialsSource {
    @Override
    public AwsCredentialsProvider provider() {
      ProfileCredentialsProvider.Builder builder = ProfileCredentialsProvider.builder();
      if (name != null) {
        builder.profileName(name);
      }
      return builder.build();
    }
  }

  /** Explicit keys, with a session token for temporary credentials. */
  record StaticKeys(String accessKey, String secretKey, String sessionToken)
      implements CredentialsSource {
    @Override
    public AwsCredentialsProvider provider() {
      return StaticCredentialsProvider.create(
          sessionToken == null
              ? AwsBasicCredentials.create(accessKey, secretKey)
              : AwsSessionCredentials.create(accessKey, secretKey, sessionToken));
    }

    @Override
    public String toString() {
      return "StaticKeys[accessKey="
          + accessKey
          + ", secretKey=***"
          + (sessionToken == null ? "" : ", sessionToken=***")
          + "]";
    }
  }

  /**
   * The source the options select: {@code useDefaultCredentialsProvider}, then {@code
   * useProfileCredentialsProvider}, then {@code accessKey}/{@code secretKey} (with {@code
   * sessionToken}), else the default chain.
   *
   * @throws IllegalArgumentException when only one of the two keys, or a session token without
   *     keys, is given
   */
  static CredentialsSource of(PclusterConfiguration configuration) {
    if (configuration.isUseDefaultCredentialsProvider()) {
      return new DefaultChain();
    }
    if (configuration.isUseProfileCredentialsProvider()) {
      return new Profile(emptyToNull(configuration.getProfileCredentialsName()));
    }
    String accessKey = emptyToNull(configuration.getAccessKey());
    String secretKey = emptyToNull(configuration.getSecretKey());
    String sessionToken = emptyToNull(configuration.getSessionToken());
    if (accessKey == null && secretKey == null) {
      if (sessionToken != null) {
        throw new IllegalArgumentException(
            "sessionToken is set without accessKey and secretKey; set all three");
      }
      return new DefaultChain();
    }
    if (accessKey == null || secretKey == null) {
      throw new IllegalArgumentException(
          (accessKey == null
                  ? "secretKey is set without accessKey"
                  : "accessKey is set without secretKey")
              + "; set both, or use useDefaultCredentialsProvider or useProfileCredentialsProvider");
    }
    return new StaticKeys(accessKey, secretKey, sessionToken);
  }

  private static String emptyToNull(String value) {
    return ObjectHelper.isEmpty(value) ? null : value;
  }
}
