package io.camelpcluster.pcluster.template;

import io.camelpcluster.pcluster.api.InvalidConfigurationException;

/**
 * A cluster template that cannot be loaded or turned into a configuration: missing or unreadable
 * source, invalid YAML, a bad override path or value, an unresolved placeholder, or a tag over the
 * limits. Messages name the source, path or placeholder concerned, never a resolved value.
 */
public class TemplateException extends InvalidConfigurationException {
  private static final long serialVersionUID = 1L;

  private static final int SHOWN_CHARS = 200;

  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Quotes user text for a message: control characters escaped, shortened to a couple of hundred
   * characters so that a long or multi-line input cannot flood or forge log lines.
   */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("'");
    int shown = 0;
    for (int i = 0; i < text.length() && shown < SHOWN_CHARS; i++, shown++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (text.length() > SHOWN_CHARS) {
      out.append("…(").append(text.length()).append(" chars)");
    }
    return out.append('\'').toString();
  }
}
