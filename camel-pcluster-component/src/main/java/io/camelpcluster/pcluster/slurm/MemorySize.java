package io.camelpcluster.pcluster.slurm;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory in Slurm's units (mebibytes), as {@code sbatch --mem} takes it.
 *
 * @param megabytes the amount in MiB, at least 1
 */
public record MemorySize(long megabytes) {

  /** Larger than any node: 1 EiB. */
  private static final long MAX_MEGABYTES = 1L << 40;

  private static final Pattern AMOUNT = Pattern.compile("(\\d{1,15})([KMGT]?)(?:I?B)?");

  public MemorySize {
    if (megabytes < 1 || megabytes > MAX_MEGABYTES) {
      throw new IllegalArgumentException(
          "must be between 1M and " + MAX_MEGABYTES + "M, was " + megabytes + "M");
    }
  }

  /**
   * Parses Slurm's notation: a whole number with an optional unit {@code K}, {@code M} (default),
   * {@code G} or {@code T} (powers of 1024; {@code GB}/{@code GiB} are read as {@code G}).
   * Kilobytes are rounded up to whole megabytes.
   *
   * @throws IllegalArgumentException for anything else ({@code 1.5G}, {@code 0}, {@code -4G}, ...)
   */
  public static MemorySize parse(String text) {
    Matcher m = AMOUNT.matcher(text.strip().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a memory size (use a whole number with K, M, G or T, e.g. 4G)");
    }
    long amount = Long.parseLong(m.group(1));
    int shift =
        switch (m.group(2)) {
          case "K" -> -10;
          case "G" -> 10;
          case "T" -> 20;
          default -> 0;
        };
    if (shift < 0) {
      return new MemorySize((amount + 1023) / 1024);
    }
    if (amount > (MAX_MEGABYTES >> shift)) {
      throw new IllegalArgumentException("'" + text + "' is larger than any node");
    }
    return new MemorySize(amount << shift);
  }

  /** The value for {@code sbatch --mem}, e.g. {@code 4096M}. */
  public String toSlurm() {
    return megabytes + "M";
  }
}
