package io.camelpcluster.emulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A small schema vocabulary for configuration files, reporting errors as the server's marshmallow
 * schemas do: a list of messages per field, nested maps for sections, list indexes for items.
 * {@link #check} returns null when the value is valid, else a {@code List<String>} of messages or a
 * {@code Map<Object, Object>} of nested errors.
 */
public sealed interface Schema {
  String MISSING = "Missing data for required field.";
  String UNKNOWN = "Unknown field.";
  String NULL = "Field may not be null.";

  /** The errors of a value, or null when it is valid. */
  Object check(JsonNode value);

  /** A mapping with known keys; any other key is an error. */
  record Section(Map<String, Field> fields, List<Function<JsonNode, String>> rules)
      implements Schema {
    @Override
    public Object check(JsonNode value) {
      if (!value.isObject()) {
        return List.of("Invalid input type.");
      }
      Map<Object, Object> errors = new LinkedHashMap<>();
      fields.forEach(
          (name, field) -> {
            JsonNode child = value.get(name);
            if (child == null) {
              if (field.required()) {
                errors.put(name, List.of(MISSING));
              }
            } else if (child.isNull()) {
              errors.put(name, List.of(NULL));
            } else {
              Object error = field.schema().check(child);
              if (error != null) {
                errors.put(name, error);
              }
            }
          });
      value
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (!fields.containsKey(name)) {
                  errors.put(name, List.of(UNKNOWN));
                }
              });
      if (errors.isEmpty()) {
        List<String> broken = new ArrayList<>();
        for (Function<JsonNode, String> rule : rules) {
          String message = rule.apply(value);
          if (message != null) {
            broken.add(message);
          }
        }
        if (!broken.isEmpty()) {
          errors.put("_schema", broken);
        }
      }
      return errors.isEmpty() ? null : errors;
    }
  }

  /** A key of a section. */
  record Field(Schema schema, boolean required) {}

  /** A list of items, with optional bounds on its length (-1 for none). */
  record ListOf(Schema item, int min, int max) implements Schema {
    @Override
    public Object check(JsonNode value) {
      if (!value.isArray()) {
        return List.of("Not a valid list.");
      }
      Map<Object, Object> errors = new LinkedHashMap<>();
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        Object error = item.isNull() ? List.of(NULL) : this.item.check(item);
        if (error != null) {
          errors.put(i, error);
        }
      }
      if (!errors.isEmpty()) {
        return errors;
      }
      if (min >= 0 && min == max && value.size() != min) {
        return List.of("Length must be " + min + ".");
      }
      if (min >= 0 && value.size() < min) {
        return List.of("Shorter than minimum length " + min + ".");
      }
      if (max >= 0 && value.size() > max) {
        return List.of("Longer than maximum length " + max + ".");
      }
      return null;
    }
  }

  /** A string, optionally from a fixed set, matching a pattern, of bounded length or ruled. */
  record Text(List<String> allowed, Pattern pattern, int maxLength, Function<String, String> rule)
      implements Schema {
    @Override
    public Object check(JsonNode value) {
      if (!value.isTextual()) {
        return List.of("Not a valid string.");
      }
      String text = value.textValue();
      List<String> errors = new ArrayList<>();
      if (maxLength >= 0 && text.codePointCount(0, text.length()) > maxLength) {
        errors.add("Longer than maximum length " + maxLength + ".");
      }
      if (allowed != null && !allowed.contains(text)) {
        errors.add("Must be one of: " + String.join(", ", allowed) + ".");
      }
      if (pattern != null && !pattern.matcher(text).matches()) {
        errors.add("String does not match expected pattern.");
      }
      if (rule != null && errors.isEmpty()) {
        String message = rule.apply(text);
        if (message != null) {
          errors.add(message);
        }
      }
      return errors.isEmpty() ? null : errors;
    }
  }

  /** An integer (or a string holding one), optionally bounded (null for no bound). */
  record Int(Long min, Long max) implements Schema {
    @Override
    public Object check(JsonNode value) {
      BigInteger number = integer(value);
      if (number == null) {
        return List.of("Not a valid integer.");
      }
      boolean tooSmall = min != null && number.compareTo(BigInteger.valueOf(min)) < 0;
      boolean tooLarge = max != null && number.compareTo(BigInteger.valueOf(max)) > 0;
      if (!tooSmall && !tooLarge) {
        return null;
      }
      if (min != null && max != null) {
        return List.of(
            "Must be greater than or equal to " + min + " and less than or equal to " + max + ".");
      }
      return List.of(
          min != null
              ? "Must be greater than or equal to " + min + "."
              : "Must be less than or equal to " + max + ".");
    }

    /** The integer a node holds, or null. */
    static BigInteger integer(JsonNode value) {
      if (value.isIntegralNumber()) {
        return value.bigIntegerValue();
      }
      if (value.isTextual() && value.textValue().trim().matches("[+-]?\\d{1,30}")) {
        return new BigInteger(value.textValue().trim());
      }
      return null;
    }
  }

  /** An integer from a fixed set. */
  record IntIn(List<Long> allowed) implements Schema {
    @Override
    public Object check(JsonNode value) {
      BigInteger number = Int.integer(value);
      if (number == null) {
        return List.of("Not a valid integer.");
      }
      return allowed.stream().anyMatch(a -> BigInteger.valueOf(a).equals(number))
          ? null
          : List.of(
              "Must be one of: "
                  + String.join(", ", allowed.stream().map(String::valueOf).toList())
                  + ".");
    }
  }

  /** A number. */
  record Decimal() implements Schema {
    @Override
    public Object check(JsonNode value) {
      return value.isNumber() ? null : List.of("Not a valid number.");
    }
  }

  /** A boolean, also accepting the strings marshmallow accepts. */
  record Bool() implements Schema {
    private static final Set<String> WORDS =
        Set.of("true", "false", "yes", "no", "on", "off", "1", "0", "y", "n", "t", "f");

    @Override
    public Object check(JsonNode value) {
      if (value.isBoolean()
          || (value.isIntegralNumber() && (value.asInt() == 0 || value.asInt() == 1))
          || (value.isTextual() && WORDS.contains(value.textValue().toLowerCase()))) {
        return null;
      }
      return List.of("Not a valid boolean.");
    }
  }

  /** Anything: sections the emulator accepts without modelling them. */
  record Any() implements Schema {
    @Override
    public Object check(JsonNode value) {
      return null;
    }
  }
}
