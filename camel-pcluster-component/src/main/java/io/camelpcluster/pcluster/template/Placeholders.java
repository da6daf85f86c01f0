package io.camelpcluster.pcluster.template;

import static io.camelpcluster.pcluster.template.ConfigValues.where;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Fills {@code ${...}} placeholders in the string values of a configuration tree (never in keys),
 * asking a resolver for the text between the braces. A value that is exactly one placeholder takes
 * the resolved value's type (text, number or boolean); placeholders inside longer text are joined
 * as text. {@code $${} writes a literal {@code ${}. Braces nest, so {@code ${a[${b}]}} asks for
 * {@code a[${b}]}. Resolved values are never scanned again.
 */
final class Placeholders {

  private Placeholders() {}

  /** Fills every placeholder of {@code root} in place. */
  static void fill(ObjectNode root, Function<String, ?> resolver) {
    fill(root, ConfigPath.root(), resolver);
  }

  private static void fill(JsonNode container, ConfigPath at, Function<String, ?> resolver) {
    if (container instanceof ObjectNode object) {
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        JsonNode value = object.get(key);
        ConfigPath child = at.key(key);
        if (value.isTextual()) {
          object.set(key, substitute(value.asText(), child, resolver));
        } else {
          fill(value, child, resolver);
        }
      }
    } else if (container instanceof ArrayNode array) {
      List<ConfigPath.Segment> items = ListItems.segments(array, at.listName());
      for (int i = 0; i < array.size(); i++) {
        JsonNode value = array.get(i);
        ConfigPath child = at.append(items.get(i));
        if (value.isTextual()) {
          array.set(i, substitute(value.asText(), child, resolver));
        } else {
          fill(value, child, resolver);
        }
      }
    }
  }

  private static JsonNode substitute(String text, ConfigPath at, Function<String, ?> resolver) {
    if (!text.contains("${")) {
      return TextNode.valueOf(text);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = closingBrace(text, i + 2);
        if (end < 0) {
          throw new TemplateException(
              "placeholder "
                  + TemplateException.quote(text.substring(i))
                  + " at "
                  + where(at)
                  + " is never closed");
        }
        String expression = text.substring(i + 2, end);
        JsonNode resolved = resolve(expression, at, resolver);
        if (i == 0 && end == text.length() - 1) {
          return resolved;
        }
        out.append(ConfigValues.text(resolved));
        i = end + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return TextNode.valueOf(out.toString());
  }

  private static int closingBrace(String text, int from) {
    int depth = 1;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode resolve(String expression, ConfigPath at, Function<String, ?> resolver) {
    String shown = TemplateException.quote("${" + expression + "}");
    if (expression.isBlank()) {
      throw new TemplateException("empty placeholder " + shown + " at " + where(at));
    }
    Object value;
    try {
      value = resolver.apply(expression);
    } catch (RuntimeException e) {
      throw new TemplateException(
          "placeholder "
              + shown
              + " at "
              + where(at)
              + " failed to resolve: "
              + e.getClass().getName(),
          e);
    }
    if (value == null) {
      throw new TemplateException("unresolved placeholder " + shown + " at " + where(at));
    }
    JsonNode scalar = ConfigValues.scalar(value, at);
    if (scalar == null) {
      throw new TemplateException(
          "placeholder "
              + shown
              + " at "
              + where(at)
              + " resolved to a "
              + value.getClass().getName()
              + "; only text, a number or a boolean can fill a placeholder");
    }
    return scalar;
  }
}
