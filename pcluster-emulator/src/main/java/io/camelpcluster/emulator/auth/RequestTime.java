package io.camelpcluster.emulator.auth;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When a request says it was signed: {@code X-Amz-Date} in ISO-8601 basic format, or the HTTP
 * {@code Date} header.
 *
 * @param amzDate the time in basic format ({@code 20150830T123600Z}), as used in the string to sign
 */
record RequestTime(Instant instant, String amzDate) {

  private static final DateTimeFormatter BASIC =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
          .withResolverStyle(ResolverStyle.STRICT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("d MMM uuuu HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern DAY_OF_WEEK = Pattern.compile("^[A-Za-z]{3},\\s*");

  /** Parses an {@code X-Amz-Date} value such as {@code 20150830T123600Z}. */
  static RequestTime parseAmzDate(String value) {
    if (!value.matches("\\d{8}T\\d{6}Z")) {
      throw SignatureRejection.dateNotBasicFormat(value);
    }
    try {
      Instant instant = LocalDateTime.parse(value, BASIC).toInstant(ZoneOffset.UTC);
      return new RequestTime(instant, value);
    } catch (DateTimeException e) {
      throw SignatureRejection.dateNotBasicFormat(value);
    }
  }

  /**
   * Parses an HTTP {@code Date} header value such as {@code Sun, 30 Aug 2015 12:36:00 GMT}; the day
   * of the week is not checked (AWS's own test suite names a wrong one).
   */
  static RequestTime parseHttpDate(String value) {
    try {
      String withoutWeekday = DAY_OF_WEEK.matcher(value.strip()).replaceFirst("");
      Instant instant = LocalDateTime.parse(withoutWeekday, HTTP_DATE).toInstant(ZoneOffset.UTC);
      return new RequestTime(instant, BASIC.format(instant));
    } catch (DateTimeException e) {
      throw SignatureRejection.dateNotBasicFormat(value);
    }
  }

  /** The {@code YYYYMMDD} the credential scope must name. */
  String date() {
    return amzDate.substring(0, 8);
  }

  /**
   * Rejects a signature made more than {@code skew} in the future of {@code now}, or older than
   * {@code validity}; times compare to the second, as they are written.
   */
  void requireCurrent(Instant now, Duration skew, Duration validity) {
    Instant present = now.truncatedTo(ChronoUnit.SECONDS);
    Instant earliest = present.minus(validity);
    Instant latest = present.plus(skew);
    if (instant.isBefore(earliest)) {
      throw SignatureRejection.signatureExpired(
          amzDate, BASIC.format(earliest), BASIC.format(present), validity);
    }
    if (instant.isAfter(latest)) {
      throw SignatureRejection.signatureNotYetCurrent(
          amzDate, BASIC.format(latest), BASIC.format(present), skew);
    }
  }
}
