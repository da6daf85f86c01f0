package io.camelpcluster.pcluster.template;

import static io.camelpcluster.pcluster.template.ConfigValues.where;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tags added to every cluster (owner, workflow id, input key, expiry...). They are merged into the
 * configuration's top-level {@code Tags: [{Key, Value}]}: a key already there gets the new value,
 * other keys are appended, template tags are kept. The result is checked against ParallelCluster's
 * limits: every tag valid ({@link ClusterTag}), no key twice, and at most {@value #MAX_TAGS} tags
 * per compute resource, counting cluster, queue and compute-resource tags together. Immutable.
 */
public final class ClusterTags {

  /**
   * Most tags one compute resource can carry, cluster, queue and compute-resource tags combined.
   */
  public static final int MAX_TAGS = 40;

  private static final ClusterTags EMPTY = new ClusterTags(Map.of());

  private final Map<String, ClusterTag> tags;

  private ClusterTags(Map<String, ClusterTag> tags) {
    if (tags.size() > MAX_TAGS) {
      throw new TemplateException(
          "cannot add " + tags.size() + " tags to a cluster; the limit is " + MAX_TAGS);
    }
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /** No tags. */
  public static ClusterTags empty() {
    return EMPTY;
  }

  /** Tags from key/value pairs, in the map's iteration order. */
  public static ClusterTags of(Map<String, String> tags) {
    Objects.requireNonNull(tags, "tags");
    Map<String, ClusterTag> checked = new LinkedHashMap<>();
    tags.forEach((key, value) -> checked.put(key, new ClusterTag(key, value)));
    return new ClusterTags(checked);
  }

  /** These tags plus one; an existing key takes the new value. */
  public ClusterTags with(String key, String value) {
    return withAll(List.of(new ClusterTag(key, value)));
  }

  /** These tags plus others; keys in {@code others} win. */
  public ClusterTags withAll(ClusterTags others) {
    return withAll(others.tags.values());
  }

  /** The tags, in order. */
  public List<ClusterTag> asList() {
    return List.copyOf(tags.values());
  }

  public boolean isEmpty() {
    return tags.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClusterTags that && that.tags.equals(tags);
  }

  @Override
  public int hashCode() {
    return tags.hashCode();
  }

  @Override
  public String toString() {
    return "ClusterTags" + tags.keySet();
  }

  private ClusterTags withAll(Collection<ClusterTag> others) {
    Map<String, ClusterTag> merged = new LinkedHashMap<>(tags);
    others.forEach(tag -> merged.put(tag.key(), tag));
    return new ClusterTags(merged);
  }

  /** Merges these tags into a configuration tree, in place, and checks the limits. */
  void applyTo(ObjectNode root) {
    ConfigPath at = ConfigPath.root().key("Tags");
    JsonNode existing = root.get("Tags");
    if (existing == null || existing.isNull()) {
      if (tags.isEmpty()) {
        return;
      }
      existing = root.putArray("Tags");
    } else if (!existing.isArray()) {
      throw new TemplateException(
          "Tags must be a list of Key/Value mappings, but the configuration has a "
              + ConfigValues.kind(existing));
    }
    ArrayNode list = (ArrayNode) existing;
    Map<String, ObjectNode> byKey = checkedTags(list, at);
    for (ClusterTag tag : tags.values()) {
      ObjectNode item = byKey.get(tag.key());
      if (item == null) {
        item = list.addObject().put("Key", tag.key());
        byKey.put(tag.key(), item);
      }
      item.put("Value", tag.value());
    }
    checkCounts(root, byKey.keySet());
  }

  /** The valid tags of a {@code Tags} list, by key. */
  private static Map<String, ObjectNode> checkedTags(ArrayNode list, ConfigPath at) {
    Map<String, ObjectNode> byKey = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      ConfigPath itemPath = at.append(new ConfigPath.Index(i));
      JsonNode item = list.get(i);
      JsonNode key = item.get("Key");
      JsonNode value = item.get("Value");
      if (!item.isObject()
          || key == null
          || !key.isTextual()
          || value == null
          || !value.isTextual()) {
        throw new TemplateException(
            "tag " + where(itemPath) + " must be a mapping with a text Key and a text Value");
      }
      try {
        new ClusterTag(key.asText(), value.asText());
      } catch (TemplateException e) {
        throw new TemplateException("tag " + where(itemPath) + " is invalid: " + e.getMessage(), e);
      }
      if (byKey.put(key.asText(), (ObjectNode) item) != null) {
        throw new TemplateException(
            "tag key " + TemplateException.quote(key.asText()) + " appears twice in " + where(at));
      }
    }
    return byKey;
  }

  private static void checkCounts(ObjectNode root, Set<String> clusterKeys) {
    if (clusterKeys.size() > MAX_TAGS) {
      throw new TemplateException(
          "the configuration would have "
              + clusterKeys.size()
              + " cluster tags; the limit is "
              + MAX_TAGS);
    }
    ConfigPath queuesPath = ConfigPath.root().key("Scheduling").key("SlurmQueues");
    if (!(root.at("/Scheduling/SlurmQueues") instanceof ArrayNode queues)) {
      return;
    }
    List<ConfigPath.Segment> queueSteps = ListItems.segments(queues, "SlurmQueues");
    for (int q = 0; q < queues.size(); q++) {
      JsonNode queue = queues.get(q);
      ConfigPath queuePath = queuesPath.append(queueSteps.get(q));
      Set<String> queueKeys = new HashSet<>(clusterKeys);
      queueKeys.addAll(keysOf(queue.get("Tags")));
      if (!(queue.get("ComputeResources") instanceof ArrayNode resources)) {
        continue;
      }
      for (int r = 0; r < resources.size(); r++) {
        Set<String> keys = new HashSet<>(queueKeys);
        keys.addAll(keysOf(resources.get(r).get("Tags")));
        if (keys.size() > MAX_TAGS) {
          ConfigPath resourcePath =
              queuePath
                  .key("ComputeResources")
                  .append(ListItems.segments(resources, "ComputeResources").get(r));
          throw new TemplateException(
              "compute resource "
                  + where(resourcePath)
                  + " would carry "
                  + keys.size()
                  + " tags (cluster, queue and compute-resource tags combined); the limit is "
                  + MAX_TAGS);
        }
      }
    }
  }

  private static Set<String> keysOf(JsonNode tags) {
    Set<String> keys = new HashSet<>();
    if (tags != null && tags.isArray()) {
      tags.forEach(
          tag -> {
            JsonNode key = tag.get("Key");
            if (key != null && key.isTextual()) {
              keys.add(key.asText());
            }
          });
    }
    return keys;
  }
}
