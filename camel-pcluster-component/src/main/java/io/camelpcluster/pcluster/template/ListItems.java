package io.camelpcluster.pcluster.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How ParallelCluster identifies the items of a configuration list (its update keys): by {@code
 * Name}, except for the lists below.
 */
final class ListItems {

  private static final String DEFAULT_KEY = "Name";

  private static final Map<String, String> KEYS =
      Map.of(
          "Tags", "Key",
          "AdditionalIamPolicies", "Policy",
          "S3Access", "BucketName",
          "Instances", "InstanceType");

  private ListItems() {}

  /** The field naming the items of the list held under {@code listName} (null when unknown). */
  static String identifyingKey(String listName) {
    return listName == null ? DEFAULT_KEY : KEYS.getOrDefault(listName, DEFAULT_KEY);
  }

  /** The name of an item, or null when it has none. */
  static String nameOf(JsonNode item, String listName) {
    JsonNode name = item.get(identifyingKey(listName));
    return name != null && name.isTextual() ? name.asText() : null;
  }

  /** Positions of the items named {@code name}. */
  static List<Integer> positionsOf(ArrayNode list, String listName, String name) {
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (name.equals(nameOf(list.get(i), listName))) {
        positions.add(i);
      }
    }
    return positions;
  }

  /**
   * The steps that reach each item, as ParallelCluster names them: by name when the item has a
   * unique one, else by index.
   */
  static List<ConfigPath.Segment> segments(ArrayNode list, String listName) {
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode item : list) {
      String name = nameOf(item, listName);
      if (name != null) {
        counts.merge(name, 1, Integer::sum);
      }
    }
    List<ConfigPath.Segment> segments = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String name = nameOf(list.get(i), listName);
      segments.add(
          name != null && counts.get(name) == 1
              ? new ConfigPath.Named(name)
              : new ConfigPath.Index(i));
    }
    return segments;
  }

  /** The names of the items, for messages. */
  static List<String> names(ArrayNode list, String listName) {
    List<String> names = new ArrayList<>();
    for (JsonNode item : list) {
      String name = nameOf(item, listName);
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }
}
