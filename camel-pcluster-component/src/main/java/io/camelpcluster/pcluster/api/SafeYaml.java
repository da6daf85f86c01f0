package io.camelpcluster.pcluster.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The one YAML reader/writer of the component: parses untrusted cluster and image configurations
 * with limits that defeat alias bombs, deep nesting and huge documents, and writes YAML back
 * without quoting surprises.
 */
public final class SafeYaml {

  /**
   * Largest configuration accepted, in code points (the real service stores configs of a few KB).
   */
  public static final int MAX_CODE_POINTS = 1024 * 1024;

  /** Deepest nesting accepted. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** Most aliases per collection accepted. */
  public static final int MAX_ALIASES = 20;

  private static final YAMLMapper MAPPER = createMapper();

  private SafeYaml() {}

  /** The shared, limit-enforcing mapper (thread-safe). */
  public static YAMLMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses a YAML document that must be a mapping.
   *
   * @throws InvalidConfigurationException when the text is empty, not YAML, too large or deep, or
   *     not a mapping
   */
  public static ObjectNode parseMapping(String yaml) {
    if (yaml == null || yaml.isBlank()) {
      throw new InvalidConfigurationException("configuration is required and cannot be empty");
    }
    Object document;
    try {
      // SnakeYAML's composer enforces the limits (Jackson's streaming parser would not) and
      // resolves
      // aliases to shared references; YAML 1.1 scalars resolve as PyYAML resolves them on the
      // server.
      document = new Yaml(new StringTimestamps(loaderOptions())).load(yaml);
    } catch (YAMLException e) {
      throw new InvalidConfigurationException(
          "configuration is not valid YAML: " + firstLine(e.getMessage()), e);
    }
    JsonNode node = document == null ? null : MAPPER.valueToTree(document);
    if (node == null || !node.isObject()) {
      throw new InvalidConfigurationException(
          "configuration must be a YAML mapping (key: value), not "
              + (node == null ? "empty" : node.getNodeType().name().toLowerCase()));
    }
    return (ObjectNode) node;
  }

  /** Writes a tree as a YAML document. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML", e);
    }
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

  private static YAMLMapper createMapper() {
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .stringQuotingChecker(new ResolverAwareQuoting())
            .build();
    return new YAMLMapper(factory);
  }

  /** Safe constructor that keeps timestamps as the strings they were written as. */
  private static final class StringTimestamps extends SafeConstructor {
    StringTimestamps(LoaderOptions options) {
      super(options);
      yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }
  }

  /**
   * Quotes every string that a YAML 1.1 reader (SnakeYAML here, PyYAML on the server) would not
   * read back as the same string: sexagesimal {@code 1:05:00}, {@code 0x1F}, {@code 1_000}, {@code
   * .nan}, {@code <<}, and text with line separators a reader may normalise.
   */
  private static final class ResolverAwareQuoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Resolver RESOLVER = new Resolver();

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || changesOnReading(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || changesOnReading(value);
    }

    private static boolean changesOnReading(String text) {
      if (!Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, text, true))) {
        return true;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\u0085'
            || c == '\u2028'
            || c == '\u2029'
            || c == '\uFEFF'
            || Character.isSurrogate(c)) {
          return true;
        }
      }
      return false;
    }
  }
}
