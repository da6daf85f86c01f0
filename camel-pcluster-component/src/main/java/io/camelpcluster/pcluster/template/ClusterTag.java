package io.camelpcluster.pcluster.template;

import java.util.Locale;

/**
 * A cluster tag, checked against the limits ParallelCluster and AWS enforce: a key of 1 to {@value
 * #MAX_KEY_LENGTH} characters, a value of at most {@value #MAX_VALUE_LENGTH} characters (counted in
 * Unicode code points), and no key starting with a reserved prefix ({@code parallelcluster:} or
 * {@code aws:}, in any case). Any other character, newlines and quotes included, is kept verbatim.
 */
public record ClusterTag(String key, String value) {

  /** Longest tag key. */
  public static final int MAX_KEY_LENGTH = 128;

  /** Longest tag value. */
  public static final int MAX_VALUE_LENGTH = 256;

  private static final String[] RESERVED_PREFIXES = {"parallelcluster:", "aws:"};

  public ClusterTag {
    if (key == null || key.isEmpty()) {
      throw new TemplateException("a tag key cannot be empty");
    }
    if (key.codePointCount(0, key.length()) > MAX_KEY_LENGTH) {
      throw new TemplateException(
          "tag key "
              + TemplateException.quote(key)
              + " has "
              + key.codePointCount(0, key.length())
              + " characters; the limit is "
              + MAX_KEY_LENGTH);
    }
    String lowerKey = key.toLowerCase(Locale.ROOT);
    for (String prefix : RESERVED_PREFIXES) {
      if (lowerKey.startsWith(prefix)) {
        throw new TemplateException(
            "tag key " + TemplateException.quote(key) + " uses the reserved prefix " + prefix);
      }
    }
    if (value == null) {
      throw new TemplateException("tag " + TemplateException.quote(key) + " has no value");
    }
    if (value.codePointCount(0, value.length()) > MAX_VALUE_LENGTH) {
      throw new TemplateException(
          "the value of tag "
              + TemplateException.quote(key)
              + " has "
              + value.codePointCount(0, value.length())
              + " characters; the limit is "
              + MAX_VALUE_LENGTH);
    }
  }
}
