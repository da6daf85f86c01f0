package io.camelpcluster.pcluster.api;

/** Renders untrusted values safely inside messages: quoted, escaped and shortened. */
final class Texts {
  private static final int MAX_SHOWN = 64;

  private Texts() {}

  /** The value in single quotes, control characters escaped, cut after 64 characters. */
  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("'");
    int shown = Math.min(value.length(), MAX_SHOWN);
    if (shown < value.length() && Character.isHighSurrogate(value.charAt(shown - 1))) {
      shown--;
    }
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\'' -> out.append("\\'");
        case '\\' -> out.append("\\\\");
        default -> {
          if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('\'');
    if (value.length() > MAX_SHOWN) {
      out.append("... (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }

  /** At most 300 characters of a body, on one line, for messages about unexpected answers. */
  static String excerpt(String body) {
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }
}
