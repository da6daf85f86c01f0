package io.camelpcluster.emulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.camelpcluster.emulator.model.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One difference between the current and the requested configuration.
 *
 * @param parameter the path shown to users, list items keyed by name, e.g. {@code
 *     Scheduling.SlurmQueues[queue1].ComputeResources[cr1].MaxCount}
 * @param policyKey the same path without the names ({@code SlurmQueues[]...}), to look up policies
 * @param current the current value, or null when absent
 * @param requested the requested value, or null when absent
 */
public record ConfigChange(
    String parameter, String policyKey, JsonNode current, JsonNode requested) {

  private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

  /** The text of a missing value. */
  public static final String MISSING = "-";

  /** The changes between two configurations, in document order. */
  public static List<ConfigChange> diff(JsonNode current, JsonNode requested) {
    List<ConfigChange> changes = new ArrayList<>();
    diffObjects("", "", current, requested, changes);
    return changes;
  }

  /** As sent on the wire. */
  public Change toChange() {
    return new Change(parameter, text(current), text(requested));
  }

  /** The wire text of a value: scalars as written, sections as JSON, absent as {@code -}. */
  public static String text(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return MISSING;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private static void diffObjects(
      String path, String key, JsonNode current, JsonNode requested, List<ConfigChange> out) {
    Set<String> names = new LinkedHashSet<>();
    current.fieldNames().forEachRemaining(names::add);
    requested.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      diffValues(join(path, name), join(key, name), current.get(name), requested.get(name), out);
    }
  }

  private static void diffValues(
      String path, String key, JsonNode current, JsonNode requested, List<ConfigChange> out) {
    // A section added or removed as a whole shows as its individual settings.
    if (current == null && requested.isObject() && !requested.isEmpty()) {
      diffObjects(path, key, EMPTY, requested, out);
      return;
    }
    if (requested == null && current.isObject() && !current.isEmpty()) {
      diffObjects(path, key, current, EMPTY, out);
      return;
    }
    if (current != null && requested != null) {
      if (current.isObject() && requested.isObject()) {
        diffObjects(path, key, current, requested, out);
        return;
      }
      if (namedItems(current) && namedItems(requested)) {
        diffNamedLists(path, key, current, requested, out);
        return;
      }
    }
    if (current == null || requested == null || !current.equals(requested)) {
      out.add(new ConfigChange(path, key, current, requested));
    }
  }

  private static void diffNamedLists(
      String path, String key, JsonNode current, JsonNode requested, List<ConfigChange> out) {
    Map<String, JsonNode> before = byName(current);
    Map<String, JsonNode> after = byName(requested);
    Set<String> names = new LinkedHashSet<>(before.keySet());
    names.addAll(after.keySet());
    for (String name : names) {
      JsonNode old = before.get(name);
      JsonNode neu = after.get(name);
      String itemPath = path + "[" + name + "]";
      String itemKey = key + "[]";
      if (old != null && neu != null) {
        diffObjects(itemPath, itemKey, old, neu, out);
      } else {
        out.add(new ConfigChange(itemPath, itemKey, old, neu));
      }
    }
  }

  private static boolean namedItems(JsonNode node) {
    if (!node.isArray() || node.isEmpty()) {
      return false;
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode item : node) {
      if (!item.isObject()
          || !item.path("Name").isTextual()
          || !names.add(item.get("Name").asText())) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, JsonNode> byName(JsonNode list) {
    Map<String, JsonNode> items = new LinkedHashMap<>();
    list.forEach(item -> items.put(item.get("Name").asText(), item));
    return items;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
