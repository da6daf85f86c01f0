package io.camelpcluster.examples.pipeline;

import java.net.URI;
import java.util.Objects;

/**
 * Where one service the demo talks to (S3, or the ParallelCluster API with its Systems Manager) is:
 * started by the demo itself, a given endpoint with given credentials, or whatever the Camel
 * properties configure (real AWS). {@link #toString()} never shows the secret key.
 *
 * @param mode which of the three
 * @param endpoint the endpoint of {@link Mode#ENDPOINT}, null otherwise
 * @param accessKey the access key id of {@link Mode#ENDPOINT}, null otherwise
 * @param secretKey the secret access key of {@link Mode#ENDPOINT}, null otherwise
 * @param region the region to sign for with {@link Mode#ENDPOINT}, null otherwise
 */
public record Backend(Mode mode, URI endpoint, String accessKey, String secretKey, String region) {

  /** How the demo reaches a service. */
  public enum Mode {
    /** The demo starts it in process (LocalS3, the ParallelCluster emulator). */
    EMBEDDED,
    /** It runs elsewhere, at a given endpoint, with given credentials. */
    ENDPOINT,
    /** The Camel properties configure it ({@code camel.component.*}): real AWS. */
    CONFIGURED
  }

  private static final Backend EMBEDDED = new Backend(Mode.EMBEDDED, null, null, null, null);
  private static final Backend CONFIGURED = new Backend(Mode.CONFIGURED, null, null, null, null);

  /** Checks that an endpoint comes with credentials and a region, and nothing else does. */
  public Backend {
    Objects.requireNonNull(mode, "mode");
    if (mode == Mode.ENDPOINT) {
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(accessKey, "accessKey");
      Objects.requireNonNull(secretKey, "secretKey");
      Objects.requireNonNull(region, "region");
    } else if (endpoint != null || accessKey != null || secretKey != null || region != null) {
      throw new IllegalArgumentException("only an ENDPOINT backend has an endpoint");
    }
  }

  /** A service the demo starts itself. */
  public static Backend embedded() {
    return EMBEDDED;
  }

  /** A service the Camel properties configure. */
  public static Backend configured() {
    return CONFIGURED;
  }

  /** A service at this endpoint. */
  public static Backend endpoint(URI endpoint, String accessKey, String secretKey, String region) {
    return new Backend(Mode.ENDPOINT, endpoint, accessKey, secretKey, region);
  }

  /** Never shows the secret key. */
  @Override
  public String toString() {
    return mode == Mode.ENDPOINT
        ? "Backend[" + endpoint + ", accessKey=" + accessKey + ", region=" + region + "]"
        : "Backend[" + mode + "]";
  }
}
