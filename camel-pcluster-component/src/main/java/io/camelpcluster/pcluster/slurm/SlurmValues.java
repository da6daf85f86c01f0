package io.camelpcluster.pcluster.slurm;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads the values Slurm's text outputs share: placeholders for "none", times and time spans. */
final class SlurmValues {

  private static final Set<String> NONE =
      Set.of("", "(NULL)", "N/A", "NONE", "UNKNOWN", "NOT_SET", "INVALID");

  private SlurmValues() {}

  /**
   * The value, or empty for Slurm's placeholders ({@code (null)}, {@code N/A}, {@code None}...).
   */
  static Optional<String> text(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.strip();
    return NONE.contains(v.toUpperCase(Locale.ROOT)) ? Optional.empty() : Optional.of(v);
  }

  /** A local date-time as Slurm prints it ({@code 2026-11-25T13:24:07}) in the given zone. */
  static Optional<Instant> instant(String value, ZoneId zone) {
    Optional<String> v = text(value);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(v.get()).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      throw new SlurmOutputException("not a Slurm time stamp: " + SlurmErrors.excerpt(v.get()), e);
    }
  }

  /** A time span in Slurm's notation; empty for {@code UNLIMITED} and placeholders. */
  static Optional<Duration> duration(String value) {
    try {
      return value == null ? Optional.empty() : SlurmDuration.parse(value);
    } catch (IllegalArgumentException e) {
      throw new SlurmOutputException(e.getMessage(), e);
    }
  }
}
