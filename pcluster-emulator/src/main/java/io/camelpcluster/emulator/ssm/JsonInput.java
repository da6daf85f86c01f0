package io.camelpcluster.emulator.ssm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.emulator.server.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON object of a request, read member by member with the types the operation's shapes
 * declare. A member of the wrong JSON type is a {@code SerializationException}, as on the service;
 * an absent or null member is empty.
 */
final class JsonInput {
  private final ObjectNode object;

  private JsonInput(ObjectNode object) {
    this.object = object;
  }

  /** Parses a body; an empty body is an empty object. */
  static JsonInput parse(byte[] body) {
    if (body.length == 0) {
      return new JsonInput(Json.mapper().createObjectNode());
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw SsmException.serialization("The request body is not well-formed JSON.");
    } catch (IOException e) {
      throw SsmException.serialization("The request body cannot be read.");
    }
    if (node == null || !node.isObject()) {
      throw SsmException.serialization("The request body must be a JSON object.");
    }
    return new JsonInput((ObjectNode) node);
  }

  Optional<String> string(String member) {
    return present(member)
        .map(
            node -> {
              if (!node.isTextual()) {
                throw mismatch(member, "a string");
              }
              return node.textValue();
            });
  }

  Optional<Integer> integer(String member) {
    return present(member)
        .map(
            node -> {
              if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw mismatch(member, "an integer");
              }
              return node.intValue();
            });
  }

  Optional<Boolean> bool(String member) {
    return present(member)
        .map(
            node -> {
              if (!node.isBoolean()) {
                throw mismatch(member, "a boolean");
              }
              return node.booleanValue();
            });
  }

  /** A list of strings; empty when absent. */
  List<String> strings(String member) {
    return present(member).map(node -> strings(member, node)).orElse(List.of());
  }

  /** A map of string lists (document parameters); empty when absent. Keeps the order sent. */
  Map<String, List<String>> stringLists(String member) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    present(member)
        .ifPresent(
            node -> {
              if (!node.isObject()) {
                throw mismatch(member, "an object");
              }
              node.fields()
                  .forEachRemaining(
                      e ->
                          map.put(
                              e.getKey(),
                              e.getValue().isNull()
                                  ? List.of()
                                  : strings(member + "." + e.getKey(), e.getValue())));
            });
    return map;
  }

  /** A list of structures; empty when absent. */
  List<JsonInput> objects(String member) {
    List<JsonInput> list = new ArrayList<>();
    present(member)
        .ifPresent(
            node -> {
              if (!node.isArray()) {
                throw mismatch(member, "a list");
              }
              for (JsonNode item : node) {
                if (!item.isObject()) {
                  throw mismatch(member, "a list of objects");
                }
                list.add(new JsonInput((ObjectNode) item));
              }
            });
    return list;
  }

  private Optional<JsonNode> present(String member) {
    JsonNode node = object.get(member);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  private static List<String> strings(String member, JsonNode node) {
    if (!node.isArray()) {
      throw mismatch(member, "a list of strings");
    }
    List<String> list = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw mismatch(member, "a list of strings");
      }
      list.add(item.textValue());
    }
    return list;
  }

  private static SsmException mismatch(String member, String expected) {
    return SsmException.serialization(member + " must be " + expected + ".");
  }
}
