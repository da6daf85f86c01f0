package io.camelpcluster.pcluster.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.pcluster.api.SafeYaml;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns Java values into configuration nodes, and compares configuration trees. */
final class ConfigValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?");

  private ConfigValues() {}

  /**
   * A scalar node for text, a number, a boolean, a character or an enum constant.
   *
   * @return null when the value is none of these
   */
  static JsonNode scalar(Object value, ConfigPath at) {
    if (value instanceof CharSequence text) {
      return NODES.textNode(text.toString());
    } else if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    } else if (value instanceof Number number) {
      return number(number, at);
    } else if (value instanceof Character c) {
      return NODES.textNode(c.toString());
    } else if (value instanceof Enum<?> constant) {
      return NODES.textNode(constant.name());
    }
    return null;
  }

  /**
   * A node for a scalar (see {@link #scalar}), a {@code Map} with text keys, a {@code Collection},
   * or a Jackson node (copied). Null inside a map or list becomes a YAML null.
   */
  static JsonNode node(Object value, ConfigPath at) {
    return node(value, at, 0);
  }

  private static JsonNode node(Object value, ConfigPath at, int depth) {
    if (depth > SafeYaml.MAX_NESTING_DEPTH) {
      throw new TemplateException(
          "value for "
              + where(at)
              + " is nested deeper than "
              + SafeYaml.MAX_NESTING_DEPTH
              + " levels");
    }
    if (value == null) {
      return NODES.nullNode();
    }
    JsonNode scalar = scalar(value, at);
    if (scalar != null) {
      return scalar;
    } else if (value instanceof JsonNode node) {
      return node.deepCopy();
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new TemplateException(
              "value for "
                  + where(at)
                  + " is a map with a key that is not text: "
                  + typeOf(entry.getKey()));
        }
        ConfigPath child = at.key(key);
        object.set(key, node(entry.getValue(), child, depth + 1));
      }
      return object;
    } else if (value instanceof Collection<?> collection) {
      ArrayNode array = NODES.arrayNode();
      int i = 0;
      for (Object item : collection) {
        array.add(node(item, at.append(new ConfigPath.Index(i++)), depth + 1));
      }
      return array;
    }
    throw new TemplateException(
        "value for "
            + where(at)
            + " is a "
            + typeOf(value)
            + "; use text, a number, a boolean, a map or a list");
  }

  /**
   * Text given for a place that holds a number or a boolean in the template becomes a number or a
   * boolean; anywhere else it stays text.
   */
  static JsonNode coerce(String text, JsonNode current, ConfigPath at) {
    if (current != null && current.isNumber()) {
      String trimmed = text.strip();
      if (INTEGER.matcher(trimmed).matches()) {
        return integral(new BigInteger(trimmed));
      }
      if (DECIMAL.matcher(trimmed).matches()) {
        return number(Double.parseDouble(trimmed), at);
      }
      throw new TemplateException(
          "cannot set "
              + where(at)
              + " to "
              + TemplateException.quote(text)
              + ": the template has a number there");
    }
    if (current != null && current.isBoolean()) {
      String trimmed = text.strip();
      if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
        return NODES.booleanNode(Boolean.parseBoolean(trimmed));
      }
      throw new TemplateException(
          "cannot set "
              + where(at)
              + " to "
              + TemplateException.quote(text)
              + ": the template has a boolean there (true or false)");
    }
    return NODES.textNode(text);
  }

  /** The text a scalar value takes when it is part of a longer text. */
  static String text(JsonNode scalar) {
    return scalar.isBigDecimal() ? scalar.decimalValue().toPlainString() : scalar.asText();
  }

  /** "mapping", "list", "string", "number", "boolean" or "null", for messages. */
  static String kind(JsonNode node) {
    if (node.isObject()) {
      return "mapping";
    } else if (node.isArray()) {
      return "list";
    } else if (node.isTextual()) {
      return "string";
    } else if (node.isNumber()) {
      return "number";
    } else if (node.isBoolean()) {
      return "boolean";
    } else if (node.isNull()) {
      return "null";
    }
    return node.getNodeType().name().toLowerCase();
  }

  /**
   * The first place where {@code actual} differs from {@code expected} (numbers compared by value),
   * or null when they are the same tree. List items are named as in {@link ConfigPath}.
   */
  static ConfigPath firstDifference(JsonNode expected, JsonNode actual, ConfigPath at) {
    if (expected.isNumber() && actual.isNumber()) {
      return sameNumber(expected, actual) ? null : at;
    }
    if (expected.getNodeType() != actual.getNodeType()) {
      return at;
    }
    if (expected.isObject()) {
      if (expected.size() != actual.size()) {
        return at;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode other = actual.get(field.getKey());
        ConfigPath child = at.key(field.getKey());
        ConfigPath difference =
            other == null ? child : firstDifference(field.getValue(), other, child);
        if (difference != null) {
          return difference;
        }
      }
      return null;
    }
    if (expected.isArray()) {
      if (expected.size() != actual.size()) {
        return at;
      }
      List<ConfigPath.Segment> items = ListItems.segments((ArrayNode) expected, at.listName());
      for (int i = 0; i < expected.size(); i++) {
        ConfigPath difference =
            firstDifference(expected.get(i), actual.get(i), at.append(items.get(i)));
        if (difference != null) {
          return difference;
        }
      }
      return null;
    }
    return expected.equals(actual) ? null : at;
  }

  /** A path quoted for a message. */
  static String where(ConfigPath path) {
    return TemplateException.quote(path.toString());
  }

  private static boolean sameNumber(JsonNode a, JsonNode b) {
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      return a.bigIntegerValue().equals(b.bigIntegerValue());
    }
    if (a.isIntegralNumber() != b.isIntegralNumber()) {
      return false;
    }
    return a.decimalValue().compareTo(b.decimalValue()) == 0;
  }

  private static JsonNode number(Number number, ConfigPath at) {
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return NODES.numberNode(number.intValue());
    } else if (number instanceof Long) {
      return integral(BigInteger.valueOf(number.longValue()));
    } else if (number instanceof BigInteger big) {
      return integral(big);
    } else if (number instanceof Double || number instanceof Float) {
      double value =
          number instanceof Float f ? Double.parseDouble(f.toString()) : number.doubleValue();
      if (!Double.isFinite(value)) {
        throw new TemplateException("value for " + where(at) + " is not a finite number");
      }
      return NODES.numberNode(value);
    }
    BigDecimal decimal;
    try {
      decimal = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    } catch (NumberFormatException e) {
      throw new TemplateException("value for " + where(at) + " is not a finite number", e);
    }
    if (decimal.scale() <= 0) {
      return integral(decimal.toBigInteger());
    }
    return number(decimal.doubleValue(), at);
  }

  /** The narrowest integral node, as YAML readers build them (int, then long, then big). */
  private static JsonNode integral(BigInteger value) {
    if (value.bitLength() < Integer.SIZE) {
      return NODES.numberNode(value.intValue());
    } else if (value.bitLength() < Long.SIZE) {
      return NODES.numberNode(value.longValue());
    }
    return NODES.numberNode(value);
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
