package io.camelpcluster.locals3;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a {@link LocalS3} runs: where its buckets live, the port on 127.0.0.1 (0 for a free one) and
 * the SigV4 credentials and region it accepts. {@link #toString()} never shows the secret key.
 *
 * @param dataDirectory the directory that holds the buckets (one subdirectory each); created if
 *     missing and kept on close, so objects survive a restart
 * @param port the TCP port on 127.0.0.1, or 0 for a free one
 * @param accessKey the access key id clients sign with
 * @param secretKey the secret access key clients sign with
 * @param region the region clients sign for
 */
public record LocalS3Settings(
    Path dataDirectory, int port, String accessKey, String secretKey, String region) {

  /** The access key id of {@link #of(Path)}. */
  public static final String DEFAULT_ACCESS_KEY = "local-s3-access-key";

  /** The region of {@link #of(Path)}. */
  public static final String DEFAULT_REGION = "us-east-1";

  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+){1,4}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Checks every field; the messages name the field but never echo a secret. */
  public LocalS3Settings {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    requireKey("accessKey", accessKey);
    requireKey("secretKey", secretKey);
    if (region == null || !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException(
          "region must look like an AWS region such as us-east-1, was " + quoted(region));
    }
  }

  /**
   * Settings for a free port, the {@link #DEFAULT_ACCESS_KEY}, a fresh random secret key and the
   * {@link #DEFAULT_REGION}.
   */
  public static LocalS3Settings of(Path dataDirectory) {
    byte[] secret = new byte[20];
    RANDOM.nextBytes(secret);
    return new LocalS3Settings(
        dataDirectory, 0, DEFAULT_ACCESS_KEY, HexFormat.of().formatHex(secret), DEFAULT_REGION);
  }

  /** These settings on another port (0 for a free one). */
  public LocalS3Settings withPort(int newPort) {
    return new LocalS3Settings(dataDirectory, newPort, accessKey, secretKey, region);
  }

  /** These settings with other credentials. */
  public LocalS3Settings withCredentials(String newAccessKey, String newSecretKey) {
    return new LocalS3Settings(dataDirectory, port, newAccessKey, newSecretKey, region);
  }

  /** These settings for another region. */
  public LocalS3Settings withRegion(String newRegion) {
    return new LocalS3Settings(dataDirectory, port, accessKey, secretKey, newRegion);
  }

  /** Never shows the secret key. */
  @Override
  public String toString() {
    return "LocalS3Settings[dataDirectory="
        + dataDirectory
        + ", port="
        + port
        + ", accessKey="
        + accessKey
        + ", region="
        + region
        + "]";
  }

  private static void requireKey(String name, String value) {
    if (value == null || !KEY.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name + " must be 1 to 128 printable ASCII characters without spaces");
    }
  }

  private static String quoted(String value) {
    if (value == null) {
      return "null";
    }
    String shown = value.length() > 64 ? value.substring(0, 64) + "..." : value;
    return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
  }
}
