package io.camelpcluster.emulator.config;

import io.camelpcluster.emulator.model.ConfigValidationMessage;
import io.camelpcluster.emulator.model.PyRepr;
import io.camelpcluster.emulator.model.ValidationLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A finding of a validator, named after the server's validator class.
 *
 * @param validator the validator class name, e.g. {@code KeyPairValidator}
 * @param level its severity
 * @param message what is wrong
 */
public record ValidationFinding(String validator, ValidationLevel level, String message) {

  /** The validator that checks the schema; it cannot be suppressed. */
  public static final String SCHEMA_VALIDATOR = "ConfigSchemaValidator";

  /** The schema finding for a tree of schema errors, with the server's Python-repr message. */
  public static ValidationFinding schema(Object errors) {
    return new ValidationFinding(SCHEMA_VALIDATOR, ValidationLevel.ERROR, render(errors));
  }

  /** As sent on the wire. */
  public ConfigValidationMessage toMessage() {
    return new ConfigValidationMessage(validator, level, message);
  }

  private static String render(Object errors) {
    if (!(errors instanceof Map<?, ?> map)) {
      return PyRepr.of(errors);
    }
    List<Object> tuples = new ArrayList<>();
    sortedEntries(map)
        .forEach(e -> tuples.add(new PyRepr.Tuple(List.of(e.getKey(), python(e.getValue())))));
    return PyRepr.of(tuples);
  }

  private static Object python(Object errors) {
    if (errors instanceof Map<?, ?> map) {
      Map<Object, Object> sorted = new java.util.LinkedHashMap<>();
      sortedEntries(map).forEach(e -> sorted.put(e.getKey(), python(e.getValue())));
      return sorted;
    }
    return errors;
  }

  private static List<Map.Entry<?, ?>> sortedEntries(Map<?, ?> map) {
    List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
    entries.sort(
        Comparator.comparing((Map.Entry<?, ?> e) -> e.getKey() instanceof Integer ? 0 : 1)
            .thenComparing(
                e ->
                    e.getKey() instanceof Integer i
                        ? String.format("%010d", i)
                        : e.getKey().toString()));
    return entries;
  }
}
