package io.camelpcluster.emulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.emulator.model.ApiException;
import io.camelpcluster.emulator.server.Json;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses untrusted YAML configurations as the server does ({@code parse_config}), with SnakeYAML's
 * composer limits so that alias bombs, deep nesting and huge documents fail fast: aliases, depth
 * and size are bounded and duplicate keys are refused.
 */
public final class ConfigYaml {
  /** Largest configuration accepted, in code points. */
  public static final int MAX_CODE_POINTS = 1024 * 1024;

  /** Deepest nesting accepted. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** Most aliases to collections accepted per document. */
  public static final int MAX_ALIASES = 20;

  private static final String V2_MESSAGE =
      "ParallelCluster 3 requires configuration files to be valid YAML documents. To create a"
          + " basic cluster configuration, you can run the `pcluster configure` command. To"
          + " convert from ParallelCluster 2 configuration files, please run"
          + " `pcluster3-config-converter --config-file <input_file> --output-file"
          + " <output_file>`.";

  private static final int MAX_TREE_NODES = 200_000;

  private static final Pattern INI_SECTION = Pattern.compile("\\[([^]]+)]");
  private static final Pattern INI_OPTION = Pattern.compile("(.*?)\\s*[=:]\\s*(.*)");

  private ConfigYaml() {}

  /**
   * A configuration parsed once: the mapping, or the 400 the server answers for it, which is raised
   * only when the mapping is needed (the region is read first, and unreadable documents have none).
   *
   * @param text the configuration as submitted
   * @param mapping the parsed mapping, or null
   * @param error why the text is not a configuration, or null
   */
  public record Parsed(String text, ObjectNode mapping, ApiException error) {

    /** Checks that a configuration was given at all. */
    public void requireNotEmpty() {
      if (text == null || text.isEmpty()) {
        throw error;
      }
    }

    /** The top-level {@code Region}, or null when absent or unreadable. */
    public String region() {
      return mapping != null && mapping.path("Region").isTextual()
          ? mapping.get("Region").textValue()
          : null;
    }

    /**
     * The mapping.
     *
     * @throws ApiException 400 with the server's messages for malformed YAML, a document that is
     *     not a mapping, or a ParallelCluster 2 (INI) file
     */
    public ObjectNode require() {
      if (error != null) {
        throw error;
      }
      return mapping;
    }
  }

  /** Parses a configuration (null or empty gives an error on {@link Parsed#require()}). */
  public static Parsed parse(String text) {
    if (text == null || text.isEmpty()) {
      return new Parsed(
          text, null, ApiException.badRequest("configuration is required and cannot be empty"));
    }
    try {
      return new Parsed(text, parseMapping(text), null);
    } catch (ApiException e) {
      return new Parsed(text, null, e);
    }
  }

  private static ObjectNode parseMapping(String text) {
    if (text.length() > MAX_CODE_POINTS
        && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
      throw notYaml(
          text,
          "The incoming YAML document exceeds the limit: " + MAX_CODE_POINTS + " code points.");
    }
    Object document;
    try {
      document = load(text);
    } catch (YAMLException e) {
      throw notYaml(text, firstLine(e.getMessage()));
    }
    if (!(document instanceof Map)) {
      throw notYaml(text, "Parsed config is not a dict");
    }
    return (ObjectNode)
        toTree(document, new Budget(), Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /**
   * Converts SnakeYAML's objects to a JSON tree, refusing self-referencing (recursive alias)
   * structures and trees that aliases expanded past {@link #MAX_TREE_NODES} nodes.
   */
  private static JsonNode toTree(Object value, Budget budget, Set<Object> ancestors) {
    if (++budget.nodes > MAX_TREE_NODES) {
      throw ApiException.badRequest(
          "Configuration must be a valid YAML document. The document expands to too many nodes");
    }
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
      if (!ancestors.add(value)) {
        throw ApiException.badRequest(
            "Configuration must be a valid YAML document. Recursive aliases are not supported");
      }
      JsonNode container;
      if (value instanceof Map<?, ?> map) {
        ObjectNode object = nodes.objectNode();
        map.forEach((k, v) -> object.set(String.valueOf(k), toTree(v, budget, ancestors)));
        container = object;
      } else {
        ArrayNode array = nodes.arrayNode();
        ((Collection<?>) value).forEach(v -> array.add(toTree(v, budget, ancestors)));
        container = array;
      }
      ancestors.remove(value);
      return container;
    }
    return Json.mapper().valueToTree(value);
  }

  private static final class Budget {
    int nodes;
  }

  private static Object load(String text) {
    return new Yaml(new StringTimestamps(loaderOptions())).load(text);
  }

  private static ApiException notYaml(String text, String reason) {
    if (looksLikeIni(text)) {
      return ApiException.badRequest(V2_MESSAGE);
    }
    return ApiException.badRequest("Configuration must be a valid YAML document. " + reason);
  }

  /** Whether Python's {@code configparser} would read the text, as the server checks. */
  static boolean looksLikeIni(String text) {
    Set<String> sections = new HashSet<>();
    Set<String> options = new HashSet<>();
    boolean inSection = false;
    int optionIndent = -1;
    for (String line : text.split("\\R", -1)) {
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      if (optionIndent >= 0 && indent > optionIndent) {
        continue; // continuation of the previous value
      }
      Matcher section = INI_SECTION.matcher(stripped);
      if (section.matches()) {
        if (!sections.add(section.group(1))) {
          return false;
        }
        inSection = true;
        options.clear();
        optionIndent = -1;
        continue;
      }
      Matcher option = INI_OPTION.matcher(stripped);
      if (!inSection || !option.matches() || option.group(1).isEmpty()) {
        return false;
      }
      if (!options.add(option.group(1).toLowerCase(Locale.ROOT))) {
        return false;
      }
      optionIndent = indent;
    }
    return true;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable document";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  /** Safe constructor that keeps timestamps as the strings they were written as. */
  private static final class StringTimestamps extends SafeConstructor {
    StringTimestamps(LoaderOptions options) {
      super(options);
      yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }
  }
}
