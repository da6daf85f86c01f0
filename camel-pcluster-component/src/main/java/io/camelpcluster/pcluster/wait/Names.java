package io.camelpcluster.pcluster.wait;

import java.util.ArrayList;
import java.util.List;

/** Enum names and quoted user input for error messages. */
final class Names {
  private static final int MAX_QUOTED = 80;

  private Names() {}

  /** The names of {@code values} except {@code skipped}. */
  static <E extends Enum<E>> List<String> of(E[] values, E skipped) {
    List<String> names = new ArrayList<>(values.length);
    for (E value : values) {
      if (value != skipped) {
        names.add(value.name());
      }
    }
    return names;
  }

  /**
   * {@code text} in double quotes, control characters escaped, cut to 80 characters; {@code null}
   * for null.
   */
  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder quoted = new StringBuilder("\"");
    int end = Math.min(text.length(), MAX_QUOTED);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    quoted.append('"');
    if (text.length() > MAX_QUOTED) {
      quoted.append("... (").append(text.length()).append(" characters)");
    }
    return quoted.toString();
  }
}
