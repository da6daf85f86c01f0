package io.camelpcluster.pcluster.api;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Reads the {@code Retry-After} header: delay seconds or an HTTP date. */
final class RetryAfter {
  private static final Pattern SECONDS = Pattern.compile("\\d{1,9}(\\.\\d{1,3})?");

  private RetryAfter() {}

  /** The wait the server asks for, never negative, or null when absent or unreadable. */
  static Duration parse(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    if (SECONDS.matcher(value).matches()) {
      return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }
    try {
      Duration until =
          Duration.between(
              clock.instant(),
              ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return until.isNegative() ? Duration.ZERO : until;
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }
}
