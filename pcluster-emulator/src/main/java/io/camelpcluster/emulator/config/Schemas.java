package io.camelpcluster.emulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Shorthands to declare {@link Schema}s readably. */
final class Schemas {
  private Schemas() {}

  static SectionBuilder section() {
    return new SectionBuilder();
  }

  static Schema text() {
    return new Schema.Text(null, null, -1, null);
  }

  static Schema text(Pattern pattern) {
    return new Schema.Text(null, pattern, -1, null);
  }

  static Schema text(Pattern pattern, int maxLength, Function<String, String> rule) {
    return new Schema.Text(null, pattern, maxLength, rule);
  }

  static Schema maxLength(int maxLength) {
    return new Schema.Text(null, null, maxLength, null);
  }

  static Schema oneOf(List<String> allowed) {
    return new Schema.Text(allowed, null, -1, null);
  }

  static Schema integer() {
    return new Schema.Int(null, null);
  }

  static Schema atLeast(long min) {
    return new Schema.Int(min, null);
  }

  static Schema between(long min, long max) {
    return new Schema.Int(min, max);
  }

  static Schema number() {
    return new Schema.Decimal();
  }

  static Schema bool() {
    return new Schema.Bool();
  }

  static Schema any() {
    return new Schema.Any();
  }

  static Schema listOf(Schema item) {
    return new Schema.ListOf(item, -1, -1);
  }

  static Schema listOf(Schema item, int min, int max) {
    return new Schema.ListOf(item, min, max);
  }

  /** Builds a {@link Schema.Section}. */
  static final class SectionBuilder {
    private final Map<String, Schema.Field> fields = new LinkedHashMap<>();
    private final List<Function<JsonNode, String>> rules = new ArrayList<>();

    SectionBuilder required(String name, Schema schema) {
      fields.put(name, new Schema.Field(schema, true));
      return this;
    }

    SectionBuilder optional(String name, Schema schema) {
      fields.put(name, new Schema.Field(schema, false));
      return this;
    }

    /** Optional keys the emulator accepts without checking their content. */
    SectionBuilder anything(String... names) {
      for (String name : names) {
        optional(name, any());
      }
      return this;
    }

    /** A rule over the whole section: a message when broken, else null. */
    SectionBuilder rule(Function<JsonNode, String> rule) {
      rules.add(rule);
      return this;
    }

    Schema.Section build() {
      return new Schema.Section(new LinkedHashMap<>(fields), List.copyOf(rules));
    }
  }
}
