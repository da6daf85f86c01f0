package io.camelpcluster.pipeline;

/** Untrusted text made fit for messages, tags and reports: escaped, stripped or shortened. */
final class Texts {

  private Texts() {}

  /**
   * The text on one line, control and format characters escaped (as backslash escapes), cut after
   * {@code limit} characters with a note of the full length.
   */
  static String printable(String text, int limit) {
    String shown = head(text, limit);
    StringBuilder out = new StringBuilder(shown.length() + 16);
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        default -> {
          if (isControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (shown.length() < text.length()) {
      out.append("... (").append(text.length()).append(" characters)");
    }
    return out.toString();
  }

  /** The text without control and format characters (newlines, tabs, escapes, bidi marks). */
  static String withoutControls(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** At most {@code limit} characters from the start; a surrogate pair is never split. */
  static String head(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int end = limit;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /** At most {@code limit} characters from the end; a surrogate pair is never split. */
  static String tail(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int start = text.length() - limit;
    if (Character.isLowSurrogate(text.charAt(start))) {
      start++;
    }
    return text.substring(start);
  }

  private static boolean isControl(char c) {
    return Character.isISOControl(c)
        || Character.getType(c) == Character.FORMAT
        || c == '\u2028'
        || c == '\u2029';
  }
}
