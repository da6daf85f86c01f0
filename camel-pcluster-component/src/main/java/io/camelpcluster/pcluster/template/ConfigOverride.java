package io.camelpcluster.pcluster.template;

import static io.camelpcluster.pcluster.template.ConfigValues.kind;
import static io.camelpcluster.pcluster.template.ConfigValues.where;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One per-run change to a configuration: set the value at a {@link ConfigPath}, or remove it.
 *
 * <ul>
 *   <li>A Java number or boolean is written as such. Text written where the configuration holds a
 *       number or a boolean is converted ({@code "8"} becomes 8, {@code "eight"} is an error);
 *       anywhere else it stays text. A {@code Map} or {@code Collection} becomes a mapping or a
 *       list. The value is taken literally: a {@code ${...}} in it is not a placeholder.
 *   <li>A {@code null} value removes the key or list item; removing a key that is absent, or under
 *       an absent mapping, changes nothing.
 *   <li>Mappings missing on the way (absent or YAML null) are created. A list index out of range or
 *       an unknown item name is an error; lists only grow through {@code [+]}, which appends the
 *       value as a new item (creating the list when absent).
 *   <li>A value cannot change the kind of what it replaces: a scalar cannot replace a mapping or a
 *       list, nor a mapping a list, and so on (remove it first with {@code null}).
 * </ul>
 *
 * @param path where to write
 * @param value what to write, or null to remove
 */
public record ConfigOverride(ConfigPath path, Object value) {

  public ConfigOverride {
    Objects.requireNonNull(path, "path");
    if (path.segments().isEmpty() || !(path.segments().get(0) instanceof ConfigPath.Key)) {
      throw new TemplateException(
          "an override path must start with a key of the configuration: " + where(path));
    }
    if (value == null && path.last() instanceof ConfigPath.Append) {
      throw new TemplateException("cannot remove " + where(path) + ": [+] only appends a value");
    }
  }

  /** An override from a path in {@link ConfigPath} syntax. */
  public static ConfigOverride of(String path, Object value) {
    return new ConfigOverride(ConfigPath.parse(path), value);
  }

  /** Applies this override to a configuration tree, in place. */
  void applyTo(ObjectNode root) {
    List<ConfigPath.Segment> steps = path.segments();
    JsonNode container = root;
    ConfigPath at = ConfigPath.root();
    for (int i = 0; i < steps.size() - 1; i++) {
      ConfigPath.Segment step = steps.get(i);
      ConfigPath.Segment next = steps.get(i + 1);
      JsonNode child = child(container, step, at);
      ConfigPath childPath = at.append(step);
      if (child == null || child.isNull()) {
        if (value == null) {
          return;
        }
        if (!(next instanceof ConfigPath.Key) && !(next instanceof ConfigPath.Append)) {
          throw new TemplateException(
              "cannot set " + where(path) + ": there is no list at " + where(childPath));
        }
        child = next instanceof ConfigPath.Key ? root.objectNode() : root.arrayNode();
        replace(container, step, child, at);
      } else if (next instanceof ConfigPath.Key ? !child.isObject() : !child.isArray()) {
        throw new TemplateException(
            "cannot reach "
                + where(path)
                + ": "
                + where(childPath)
                + " is a "
                + kind(child)
                + ", not a "
                + (next instanceof ConfigPath.Key ? "mapping" : "list"));
      }
      container = child;
      at = childPath;
    }
    ConfigPath.Segment last = path.last();
    if (value == null) {
      remove(container, last, at);
      return;
    }
    JsonNode current = last instanceof ConfigPath.Append ? null : child(container, last, at);
    JsonNode replacement =
        value instanceof CharSequence text
            ? ConfigValues.coerce(text.toString(), current, path)
            : ConfigValues.node(value, path);
    if (current != null && !current.isNull() && !sameKind(current, replacement)) {
      throw new TemplateException(
          "cannot set "
              + where(path)
              + " to a "
              + kind(replacement)
              + ": the template has a "
              + kind(current)
              + " there (set it to null first to replace it)");
    }
    replace(container, last, replacement, at);
  }

  /** The node one step below {@code container}, or null when a mapping lacks the key. */
  private static JsonNode child(JsonNode container, ConfigPath.Segment step, ConfigPath at) {
    if (step instanceof ConfigPath.Key key) {
      return container.get(key.name());
    }
    return step instanceof ConfigPath.Append ? null : container.get(position(container, step, at));
  }

  private static void replace(
      JsonNode container, ConfigPath.Segment step, JsonNode node, ConfigPath at) {
    if (step instanceof ConfigPath.Key key) {
      ((ObjectNode) container).set(key.name(), node);
    } else if (step instanceof ConfigPath.Append) {
      ((ArrayNode) container).add(node);
    } else {
      ((ArrayNode) container).set(position(container, step, at), node);
    }
  }

  private static void remove(JsonNode container, ConfigPath.Segment step, ConfigPath at) {
    if (step instanceof ConfigPath.Key key) {
      ((ObjectNode) container).remove(key.name());
    } else {
      ((ArrayNode) container).remove(position(container, step, at));
    }
  }

  /** The position an index or a name selects in a list. */
  private static int position(JsonNode list, ConfigPath.Segment step, ConfigPath at) {
    return step instanceof ConfigPath.Index index
        ? position(list, index, at)
        : position(list, (ConfigPath.Named) step, at);
  }

  private static int position(JsonNode list, ConfigPath.Index index, ConfigPath at) {
    if (index.position() >= list.size()) {
      throw new TemplateException(
          "no item "
              + index.position()
              + " in "
              + where(at)
              + ": it has "
              + list.size()
              + (list.size() == 1 ? " item" : " items")
              + " (use [+] to append)");
    }
    return index.position();
  }

  private static int position(JsonNode list, ConfigPath.Named named, ConfigPath at) {
    ArrayNode array = (ArrayNode) list;
    String listName = at.listName();
    List<Integer> positions = ListItems.positionsOf(array, listName, named.name());
    if (positions.size() > 1) {
      throw new TemplateException(
          where(at)
              + " has "
              + positions.size()
              + " items with "
              + ListItems.identifyingKey(listName)
              + " "
              + TemplateException.quote(named.name())
              + "; select one by index");
    }
    if (positions.isEmpty()) {
      throw new TemplateException(
          "no item with "
              + ListItems.identifyingKey(listName)
              + " "
              + TemplateException.quote(named.name())
              + " in "
              + where(at)
              + "; its items are "
              + ListItems.names(array, listName).stream().map(TemplateException::quote).toList());
    }
    return positions.get(0);
  }

  private static boolean sameKind(JsonNode current, JsonNode replacement) {
    return !(current.isContainerNode() || replacement.isContainerNode())
        || current.getNodeType() == replacement.getNodeType();
  }
}
