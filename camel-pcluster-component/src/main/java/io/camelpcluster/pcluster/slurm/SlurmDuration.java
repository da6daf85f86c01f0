package io.camelpcluster.pcluster.slurm;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slurm's time-span notation, as {@code sbatch --time} takes it and squeue, scontrol and sacct
 * print it: {@code MM}, {@code MM:SS}, {@code HH:MM:SS}, {@code D-HH}, {@code D-HH:MM}, {@code
 * D-HH:MM:SS}. The leading field may exceed its usual range ({@code 90} minutes, {@code 36:00:00});
 * the others may not.
 */
public final class SlurmDuration {

  private static final Pattern WITH_DAYS =
      Pattern.compile("(\\d{1,6})-(\\d{1,9})(?::(\\d{1,2}))?(?::(\\d{1,2}))?");
  private static final Pattern WITHOUT_DAYS =
      Pattern.compile("(\\d{1,9})(?::(\\d{1,2}))?(?::(\\d{1,2}))?");
  private static final Set<String> NO_LIMIT =
      Set.of("UNLIMITED", "INFINITE", "PARTITION_LIMIT", "NOT_SET", "N/A", "NONE", "INVALID", "");

  private SlurmDuration() {}

  /**
   * Parses a time span; the words Slurm prints for "none" ({@code UNLIMITED}, {@code INFINITE},
   * {@code N/A}, {@code NOT_SET}, {@code INVALID}, empty) give an empty result.
   *
   * @throws IllegalArgumentException when the text is not in one of Slurm's forms
   */
  public static Optional<Duration> parse(String text) {
    String value = text.strip();
    if (NO_LIMIT.contains(value.toUpperCase(Locale.ROOT))) {
      return Optional.empty();
    }
    Matcher days = WITH_DAYS.matcher(value);
    if (days.matches()) {
      long d = Long.parseLong(days.group(1));
      long h = bounded(days.group(2), 23, "hours", text);
      long m = bounded(days.group(3), 59, "minutes", text);
      long s = bounded(days.group(4), 59, "seconds", text);
      return Optional.of(Duration.ofDays(d).plusHours(h).plusMinutes(m).plusSeconds(s));
    }
    Matcher plain = WITHOUT_DAYS.matcher(value);
    if (plain.matches()) {
      long first = Long.parseLong(plain.group(1));
      if (plain.group(3) != null) {
        long m = bounded(plain.group(2), 59, "minutes", text);
        long s = bounded(plain.group(3), 59, "seconds", text);
        return Optional.of(Duration.ofHours(first).plusMinutes(m).plusSeconds(s));
      }
      long s = bounded(plain.group(2), 59, "seconds", text);
      return Optional.of(Duration.ofMinutes(first).plusSeconds(s));
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not a Slurm time (use MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS)");
  }

  /** Formats a positive span as {@code D-HH:MM:SS}, or {@code HH:MM:SS} under one day. */
  public static String format(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a Slurm time must be positive, was " + duration);
    }
    long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    long days = seconds / 86_400;
    String clock =
        String.format(
            Locale.ROOT, "%02d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
    return days > 0 ? days + "-" + clock : clock;
  }

  private static long bounded(String field, int max, String unit, String text) {
    if (field == null) {
      return 0;
    }
    long value = Long.parseLong(field);
    if (value > max) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a Slurm time: " + unit + " must be 0-" + max);
    }
    return value;
  }
}
