package io.camelpcluster.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.emulator.model.ApiException;
import io.camelpcluster.emulator.model.PyRepr;
import io.camelpcluster.emulator.server.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON request body validated as connexion validates it against the spec's schema, with the same
 * messages ({@code 'x' is a required property}, {@code ... - 'field'} suffixes).
 */
public final class JsonBody {
  private final ObjectNode node;

  private JsonBody(ObjectNode node) {
    this.node = node;
  }

  /** Parses a required JSON object body. */
  public static JsonBody parse(byte[] body) {
    if (body.length == 0) {
      throw ApiException.badRequest("request body is required");
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("Request body is not valid JSON");
    }
    if (node == null || node.isMissingNode()) {
      throw ApiException.badRequest("request body is required");
    }
    if (!node.isObject()) {
      throw ApiException.badRequest(PyRepr.of(python(node)) + " is not of type 'object'");
    }
    return new JsonBody((ObjectNode) node);
  }

  /** Checks that the properties are present, in order. */
  public JsonBody require(String... names) {
    for (String name : names) {
      if (!node.has(name)) {
        throw ApiException.badRequest(PyRepr.of(name) + " is a required property");
      }
    }
    return this;
  }

  /** A string property (null when absent). */
  public String string(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiException.badRequest(
          PyRepr.of(python(value)) + " is not of type 'string' - " + PyRepr.of(name));
    }
    return value.textValue();
  }

  /** A string property that must match a pattern (null when absent). */
  public String matching(String name, Pattern pattern) {
    String value = string(name);
    if (value != null && !pattern.matcher(value).matches()) {
      throw ApiException.badRequest(
          PyRepr.of(value)
              + " does not match "
              + PyRepr.of(pattern.pattern())
              + " - "
              + PyRepr.of(name));
    }
    return value;
  }

  /** A string property that must be one of the allowed values (null when absent). */
  public String oneOf(String name, List<String> allowed) {
    String value = string(name);
    if (value != null && !allowed.contains(value)) {
      throw ApiException.badRequest(
          PyRepr.of(value) + " is not one of " + PyRepr.of(allowed) + " - " + PyRepr.of(name));
    }
    return value;
  }

  /** A JSON value as the Python object the server would see, for reprs. */
  static Object python(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(python(item)));
      return list;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), python(e.getValue())));
      return map;
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    return node.asText();
  }
}
