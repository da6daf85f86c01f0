package io.camelpcluster.pcluster.slurm;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * POSIX shell quoting: the one place that turns arbitrary strings into shell words. Every value
 * that reaches a shell (sh, dash or bash) on a head or compute node goes through {@link #quote}.
 *
 * <p>A word is left bare only when it consists of characters no shell treats specially; anything
 * else is wrapped in single quotes, inside which a shell interprets nothing, with each embedded
 * single quote written as {@code '\''}. Newlines, {@code $()}, backticks, globs and unicode all
 * stay literal. A carriage return directly followed by a line feed is split by an empty quote pair
 * ({@code '\r''\n'}, the same string to any shell) because sbatch refuses a batch script that
 * contains the byte pair CR LF anywhere.
 *
 * <p>Quoting does not stop a command from reading a word that starts with {@code -} as an option:
 * commands built here put {@code --} or an {@code --option=} prefix before such values.
 */
public final class ShellQuote {

  private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellQuote() {}

  /**
   * Quotes one string as a single shell word.
   *
   * @throws IllegalArgumentException if the string contains NUL, which no shell word can carry
   */
  public static String quote(String value) {
    Objects.requireNonNull(value, "value");
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a shell word cannot contain a NUL character");
    }
    if (BARE.matcher(value).matches()) {
      return value;
    }
    StringBuilder quoted = new StringBuilder(value.length() + 16).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'') {
        quoted.append("'\\''");
      } else if (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n') {
        quoted.append("\r''");
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('\'').toString();
  }

  /** Quotes each argument and joins them with spaces into one command line. */
  public static String join(List<String> argv) {
    return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
  }

  /** Quotes each argument and joins them with spaces into one command line. */
  public static String join(String... argv) {
    return join(List.of(argv));
  }
}
