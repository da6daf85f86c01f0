package io.camelpcluster.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;

/**
 * One version of one input object: what the pipeline must process exactly once.
 *
 * @param bucket the bucket name
 * @param key the object key, any string S3 allows
 * @param eTag the entity tag without the surrounding quotes S3 puts on it in HTTP headers (S3 event
 *     notifications carry it without them)
 * @param size the size in bytes, or {@code null} when the trigger did not say
 */
public record InputObject(String bucket, String key, String eTag, Long size) {

  /** Longest key text {@link #displayName()} shows. */
  static final int DISPLAY_LIMIT = 200;

  /**
   * Checks that no part is missing, that the size is not negative, and drops quotes around the
   * entity tag.
   */
  public InputObject {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(eTag, "eTag");
    if (eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
      eTag = eTag.substring(1, eTag.length() - 1);
    }
    if (bucket.isEmpty() || key.isEmpty() || eTag.isEmpty()) {
      throw new IllegalArgumentException("bucket, key and eTag must not be empty");
    }
    if (size != null && size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
  }

  /** An input of unknown size. */
  public InputObject(String bucket, String key, String eTag) {
    this(bucket, key, eTag, null);
  }

  /**
   * The input object a camel-aws2-s3 consumer exchange carries: bucket, key and entity tag headers,
   * and the content length header when present.
   *
   * @throws IllegalArgumentException if a header is missing
   */
  public static InputObject of(Message message) {
    return new InputObject(
        header(message, AWS2S3Constants.BUCKET_NAME),
        header(message, AWS2S3Constants.KEY),
        header(message, AWS2S3Constants.E_TAG),
        message.getHeader(AWS2S3Constants.CONTENT_LENGTH, Long.class));
  }

  /**
   * {@code bucket/key} fit for a log line or an error message: control characters escaped (as
   * backslash escapes) and cut to {@value #DISPLAY_LIMIT} characters with a marker.
   */
  public String displayName() {
    return Texts.printable(bucket + "/" + key, DISPLAY_LIMIT);
  }

  /**
   * The key for an idempotent repository: the SHA-256 of bucket, key and entity tag, each
   * length-prefixed, as 64 hex digits. Fixed length and plain ASCII, so line-based stores such as
   * Camel's FileIdempotentRepository keep it intact whatever the object key holds (newlines,
   * unicode, 1 KB).
   */
  public String idempotencyKey() {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
    for (String part : new String[] {bucket, key, eTag}) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      sha256.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      sha256.update(bytes);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static String header(Message message, String name) {
    String value = message.getHeader(name, String.class);
    if (value == null) {
      throw new IllegalArgumentException("the message lacks the header " + name);
    }
    return value;
  }
}
