package io.camelpcluster.emulator.model;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders values as Python's {@code repr} does, because the real server's messages embed Python
 * reprs (e.g. {@code 'x' is not one of ['INFO', 'WARNING', 'ERROR']}).
 */
public final class PyRepr {
  private PyRepr() {}

  /** The repr of a string, list, map, number or boolean. */
  public static String of(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(PyRepr::of).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> of(e.getKey()) + ": " + of(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof Tuple tuple) {
      return tuple.items().stream().map(PyRepr::of).collect(Collectors.joining(", ", "(", ")"));
    }
    return value.toString();
  }

  /** A Python tuple, for reprs such as {@code [('HeadNode', [...])]}. */
  public record Tuple(List<Object> items) {}

  private static String string(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
              } else if (cp == '\n') {
                out.append("\\n");
              } else if (cp == '\r') {
                out.append("\\r");
              } else if (cp == '\t') {
                out.append("\\t");
              } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.append(quote).toString();
  }
}
