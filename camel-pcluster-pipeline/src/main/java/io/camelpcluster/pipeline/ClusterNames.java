package io.camelpcluster.pipeline;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Derives cluster names from inputs: {@code <namePrefix>-<slug>-<suffix>}, where the slug is the
 * last path segment of the object key folded to ASCII (NFKD, marks stripped, a few letters such as
 * {@code ß} spelled out), lower-case, each run of other characters turned into one {@code -}
 * (possibly empty, then left out), and the suffix is 8 base-36 characters of a hash of the input's
 * idempotency key and the run id: unique per run, the same for the same input and run. The slug is
 * cut so that the name fits in {@code maxNameLength}; every name matches {@code
 * [a-zA-Z][a-zA-Z0-9-]+}, has no double hyphen and does not end with one, whatever the key holds
 * (unicode, spaces, newlines, 1 KB, only symbols).
 *
 * @param namePrefix the first part of every name: a letter, then letters, digits and single
 *     hyphens, not ending with a hyphen
 * @param maxNameLength the longest name, at most {@value #HARD_MAX_LENGTH} (ParallelCluster's
 *     limit); the default {@value #DEFAULT_MAX_LENGTH} keeps names within Slurm accounting's limit
 */
public record ClusterNames(String namePrefix, int maxNameLength) {

  /** The default prefix. */
  public static final String DEFAULT_PREFIX = "pl";

  /** The default longest name. */
  public static final int DEFAULT_MAX_LENGTH = 40;

  /** ParallelCluster's longest cluster name. */
  public static final int HARD_MAX_LENGTH = 60;

  /** Longest slug {@link #slug} returns. */
  public static final int MAX_SLUG_LENGTH = 60;

  /** Length of the per-run suffix. */
  public static final int SUFFIX_LENGTH = 8;

  /** What every name matches (ParallelCluster's rule for cluster names). */
  public static final Pattern VALID_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]+");

  private static final Pattern VALID_PREFIX =
      Pattern.compile("[a-zA-Z][a-zA-Z0-9]*(-[a-zA-Z0-9]+)*");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

  /** Latin letters NFKD does not decompose, with their usual ASCII spelling. */
  private static final Map<Character, String> LETTERS =
      Map.of(
          'ß', "ss", 'æ', "ae", 'œ', "oe", 'ø', "o", 'ł', "l", 'đ', "d", 'ð', "d", 'þ', "th", 'ı',
          "i");

  private static final BigInteger SUFFIX_RANGE = BigInteger.valueOf(36).pow(SUFFIX_LENGTH);

  /**
   * Checks the prefix and the length.
   *
   * @throws IllegalArgumentException if the prefix is not a valid name start or leaves no room for
   *     the suffix within {@code maxNameLength}, or the length is above {@value #HARD_MAX_LENGTH}
   */
  public ClusterNames {
    Objects.requireNonNull(namePrefix, "namePrefix");
    if (maxNameLength > HARD_MAX_LENGTH) {
      throw new IllegalArgumentException(
          "maxNameLength must be at most " + HARD_MAX_LENGTH + ", but is " + maxNameLength);
    }
    if (!VALID_PREFIX.matcher(namePrefix).matches()) {
      throw new IllegalArgumentException(
          "namePrefix "
              + Texts.printable(namePrefix, 64)
              + " must start with a letter and hold only letters, digits and single hyphens,"
              + " not at the end");
    }
    int shortest = namePrefix.length() + 1 + SUFFIX_LENGTH;
    if (maxNameLength < shortest) {
      throw new IllegalArgumentException(
          "maxNameLength "
              + maxNameLength
              + " leaves no room for namePrefix "
              + namePrefix
              + " and the "
              + SUFFIX_LENGTH
              + "-character suffix: it must be at least "
              + shortest);
    }
  }

  /** Names with the default prefix and length. */
  public static ClusterNames defaults() {
    return new ClusterNames(DEFAULT_PREFIX, DEFAULT_MAX_LENGTH);
  }

  /** The cluster name for one run of one input. */
  public String nameFor(InputObject input, String runId) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(runId, "runId");
    String suffix = suffix(input.idempotencyKey() + "/" + runId);
    int room = maxNameLength - namePrefix.length() - SUFFIX_LENGTH - 2;
    String slug = trimHyphens(Texts.head(slug(input.key()), Math.max(room, 0)));
    return slug.isEmpty() ? namePrefix + "-" + suffix : namePrefix + "-" + slug + "-" + suffix;
  }

  /**
   * The key's last path segment (the last non-empty one, so {@code a/b/} gives {@code b}) as
   * lower-case ASCII letters and digits joined by single hyphens, at most {@value #MAX_SLUG_LENGTH}
   * characters, without a hyphen at either end; empty when nothing is left.
   */
  public static String slug(String key) {
    Objects.requireNonNull(key, "key");
    String segment = lastSegment(key);
    String folded =
        MARKS
            .matcher(Normalizer.normalize(segment.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD))
            .replaceAll("");
    StringBuilder ascii = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      ascii.append(LETTERS.getOrDefault(c, String.valueOf(c)));
    }
    String slug = NOT_ALNUM.matcher(ascii.toString().toLowerCase(Locale.ROOT)).replaceAll("-");
    return trimHyphens(Texts.head(trimHyphens(slug), MAX_SLUG_LENGTH));
  }

  private static String lastSegment(String key) {
    String trimmed = key;
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static String trimHyphens(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '-') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '-') {
      end--;
    }
    return text.substring(start, end);
  }

  private static String suffix(String text) {
    byte[] digest = sha256(text);
    byte[] first = new byte[9];
    System.arraycopy(digest, 0, first, 1, 8);
    String base36 = new BigInteger(first).mod(SUFFIX_RANGE).toString(36);
    return "0".repeat(SUFFIX_LENGTH - base36.length()) + base36;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
