package io.camelpcluster.pcluster.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.pcluster.api.InvalidConfigurationException;
import io.camelpcluster.pcluster.api.SafeYaml;

/**
 * A parsed cluster configuration template: a YAML mapping, read with {@link SafeYaml}'s limits,
 * that may hold {@code ${...}} placeholders. Immutable; turn it into a configuration with {@link
 * ClusterConfigBuilder}.
 */
public final class ClusterTemplate {

  private final String source;
  private final ObjectNode tree;

  private ClusterTemplate(String source, ObjectNode tree) {
    this.source = source;
    this.tree = tree;
  }

  /**
   * Parses template text.
   *
   * @throws TemplateException naming the source when the text is empty, not YAML, over SafeYaml's
   *     limits, or not a mapping
   */
  public static ClusterTemplate parse(TemplateSource source) {
    try {
      return new ClusterTemplate(source.name(), SafeYaml.parseMapping(source.text()));
    } catch (InvalidConfigurationException e) {
      throw new TemplateException(
          "template " + TemplateException.quote(source.name()) + " is invalid: " + e.getMessage(),
          e);
    }
  }

  /** Parses template text given inline; messages call it {@code inline template}. */
  public static ClusterTemplate parse(String yaml) {
    return parse(new TemplateSource("inline template", yaml == null ? "" : yaml));
  }

  /**
   * Loads a template with {@link TemplateLoader#standard()} ({@code classpath:}, {@code file:} or a
   * path).
   */
  public static ClusterTemplate load(String location) {
    return TemplateLoader.standard().load(location);
  }

  /** Where the template came from, as used in messages. */
  public String source() {
    return source;
  }

  /** A copy of the parsed template, free to modify. */
  public ObjectNode tree() {
    return tree.deepCopy();
  }

  /** The template as YAML, placeholders untouched. */
  public String render() {
    return SafeYaml.write(tree);
  }

  @Override
  public String toString() {
    return "ClusterTemplate[" + source + "]";
  }
}
