package io.camelpcluster.pcluster.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path into a cluster configuration, written as ParallelCluster writes change-set parameters:
 * {@code Scheduling.SlurmQueues[batch].ComputeResources[0].MaxCount}.
 *
 * <ul>
 *   <li>{@code Key}: a mapping key of letters, digits, {@code _} and {@code -}; any other key is
 *       written in double quotes, {@code "odd.key"}, with {@code \"} and {@code \\} escapes.
 *   <li>{@code [3]}: the list item at a zero-based index.
 *   <li>{@code [batch]}: the list item whose identifying field has that value, as ParallelCluster
 *       names them: {@code Key} for {@code Tags}, {@code Policy} for {@code AdditionalIamPolicies},
 *       {@code BucketName} for {@code S3Access}, {@code InstanceType} for {@code Instances}, {@code
 *       Name} for every other list. A name is anything up to the next {@code ]} except {@code [}
 *       and {@code "}; a name that is all digits, or that holds those characters, is quoted: {@code
 *       ["2024"]}.
 *   <li>{@code [+]}: appends to a list; only as the last step of a path.
 * </ul>
 */
public final class ConfigPath {

  /** One step of a path. */
  public sealed interface Segment permits Key, Index, Named, Append {}

  /** A mapping key. */
  public record Key(String name) implements Segment {}

  /** A list item by zero-based position. */
  public record Index(int position) implements Segment {}

  /** A list item by the value of its identifying field. */
  public record Named(String name) implements Segment {}

  /** The position after the last item of a list. */
  public record Append() implements Segment {}

  private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final ConfigPath ROOT = new ConfigPath(List.of());

  private final List<Segment> segments;

  private ConfigPath(List<Segment> segments) {
    this.segments = List.copyOf(segments);
  }

  /** The configuration itself (the empty path, shown as {@code (root)}). */
  public static ConfigPath root() {
    return ROOT;
  }

  /**
   * Parses a path.
   *
   * @throws TemplateException naming the path and the position of the first syntax error
   */
  public static ConfigPath parse(String text) {
    if (text == null || text.isBlank()) {
      throw new TemplateException("a configuration path cannot be empty");
    }
    return new Parser(text).parse();
  }

  /** The steps of this path, outermost first. */
  public List<Segment> segments() {
    return segments;
  }

  /** This path followed by a mapping key. */
  public ConfigPath key(String name) {
    return append(new Key(name));
  }

  /** This path followed by one step. */
  public ConfigPath append(Segment segment) {
    List<Segment> longer = new ArrayList<>(segments);
    longer.add(segment);
    return new ConfigPath(longer);
  }

  /** The path without its last step (the root stays the root). */
  ConfigPath parent() {
    return segments.isEmpty() ? this : new ConfigPath(segments.subList(0, segments.size() - 1));
  }

  /** The last step, or null for the root. */
  Segment last() {
    return segments.isEmpty() ? null : segments.get(segments.size() - 1);
  }

  /** The name of the list a selector at this position applies to: the key just before it. */
  String listName() {
    return last() instanceof Key key ? key.name() : null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConfigPath path && path.segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  /** The path in the syntax {@link #parse} reads back. */
  @Override
  public String toString() {
    if (segments.isEmpty()) {
      return "(root)";
    }
    StringBuilder out = new StringBuilder();
    for (Segment segment : segments) {
      if (segment instanceof Key key) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(BARE_KEY.matcher(key.name()).matches() ? key.name() : quoted(key.name()));
      } else if (segment instanceof Index index) {
        out.append('[').append(index.position()).append(']');
      } else if (segment instanceof Named named) {
        out.append('[')
            .append(bareName(named.name()) ? named.name() : quoted(named.name()))
            .append(']');
      } else {
        out.append("[+]");
      }
    }
    return out.toString();
  }

  private static boolean bareName(String name) {
    return !name.isEmpty()
        && !name.equals("+")
        && !DIGITS.matcher(name).matches()
        && name.chars()
            .noneMatch(c -> c == '[' || c == ']' || c == '"' || Character.isISOControl(c));
  }

  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** Reads the syntax described on the class. */
  private static final class Parser {
    private final String text;
    private final List<Segment> segments = new ArrayList<>();
    private int at;

    Parser(String text) {
      this.text = text;
    }

    ConfigPath parse() {
      readKey();
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == '.') {
          at++;
          readKey();
        } else if (c == '[') {
          at++;
          readSelector();
        } else {
          throw error(
              "expected '.' or '[' but found "
                  + TemplateException.quote(String.valueOf(c))
                  + hint(c));
        }
      }
      for (int i = 0; i < segments.size() - 1; i++) {
        if (segments.get(i) instanceof Append) {
          throw new TemplateException(
              "invalid configuration path "
                  + TemplateException.quote(text)
                  + ": [+] can only end a path");
        }
      }
      return new ConfigPath(segments);
    }

    private void readKey() {
      if (at < text.length() && text.charAt(at) == '"') {
        segments.add(new Key(readQuoted()));
        return;
      }
      int start = at;
      while (at < text.length() && isBareKeyChar(text.charAt(at))) {
        at++;
      }
      if (start == at) {
        if (at == text.length()) {
          throw error("expected a key but the path ends");
        }
        char c = text.charAt(at);
        throw error(
            "expected a key but found " + TemplateException.quote(String.valueOf(c)) + hint(c));
      }
      segments.add(new Key(text.substring(start, at)));
    }

    private void readSelector() {
      if (at < text.length() && text.charAt(at) == '"') {
        segments.add(new Named(readQuoted()));
        expect(']');
        return;
      }
      int start = at;
      while (at < text.length() && text.charAt(at) != ']') {
        char c = text.charAt(at);
        if (c == '[' || c == '"') {
          throw error("unexpected " + TemplateException.quote(String.valueOf(c)) + " inside [...]");
        }
        at++;
      }
      if (at == text.length()) {
        throw error("'[' is never closed");
      }
      String inner = text.substring(start, at);
      at++;
      if (inner.isEmpty()) {
        throw error("empty []");
      } else if (inner.equals("+")) {
        segments.add(new Append());
      } else if (DIGITS.matcher(inner).matches()) {
        try {
          segments.add(new Index(Integer.parseInt(inner)));
        } catch (NumberFormatException e) {
          throw error("index " + inner + " is too large");
        }
      } else {
        segments.add(new Named(inner));
      }
    }

    private String readQuoted() {
      at++;
      StringBuilder out = new StringBuilder();
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          if (at == text.length() || (text.charAt(at) != '"' && text.charAt(at) != '\\')) {
            throw error("only \\\" and \\\\ escapes are allowed in quotes");
          }
          c = text.charAt(at++);
        }
        out.append(c);
      }
      throw error("quote is never closed");
    }

    private void expect(char c) {
      if (at >= text.length() || text.charAt(at) != c) {
        throw error("expected '" + c + "'");
      }
      at++;
    }

    private static String hint(char c) {
      return c == '.' || c == '[' || c == ']' || c == '"'
          ? ""
          : " (keys with characters other than letters, digits, _ and - go in double quotes)";
    }

    private static boolean isBareKeyChar(char c) {
      return (c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-';
    }

    private TemplateException error(String problem) {
      return new TemplateException(
          "invalid configuration path "
              + TemplateException.quote(text)
              + " at position "
              + at
              + ": "
              + problem);
    }
  }
}
