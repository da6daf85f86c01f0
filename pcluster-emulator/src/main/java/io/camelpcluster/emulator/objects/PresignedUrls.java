package io.camelpcluster.emulator.objects;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Presign-like URLs to stored objects, served by the emulator itself under {@link #PATH_PREFIX}:
 * like S3's, they carry their own HMAC signature and expiry (3600 s) in the query, so no SigV4 is
 * needed to fetch them.
 */
public final class PresignedUrls {
  /** Where objects are served. */
  public static final String PATH_PREFIX = "/_emulator/s3/";

  /** How long a URL stays valid. */
  public static final Duration VALIDITY = Duration.ofSeconds(3600);

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final URI base;
  private final byte[] key = new byte[32];

  /**
   * @param base the emulator's root, e.g. {@code http://127.0.0.1:41234}
   */
  public PresignedUrls(URI base) {
    this.base = base;
    new SecureRandom().nextBytes(key);
  }

  /** A URL to an object key, valid for {@link #VALIDITY} from {@code now}. */
  public String sign(String objectKey, Instant now) {
    String date = AMZ_DATE.format(now);
    String expires = Long.toString(VALIDITY.toSeconds());
    return base
        + PATH_PREFIX
        + objectKey
        + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date="
        + date
        + "&X-Amz-Expires="
        + expires
        + "&X-Amz-SignedHeaders=host&X-Amz-Signature="
        + signature(objectKey, date, expires);
  }

  /** Whether a signature is genuine and still valid at {@code now}. */
  public boolean verify(
      String objectKey, String date, String expires, String signature, Instant now) {
    if (date == null || expires == null || signature == null) {
      return false;
    }
    String expected = signature(objectKey, date, expires);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      return false;
    }
    try {
      Instant signedAt = AMZ_DATE.parse(date, Instant::from);
      return !now.isAfter(signedAt.plusSeconds(Long.parseLong(expires)));
    } catch (DateTimeParseException | NumberFormatException e) {
      return false;
    }
  }

  private String signature(String objectKey, String date, String expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest =
          mac.doFinal((objectKey + "\n" + date + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
