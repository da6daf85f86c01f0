package io.camelpcluster.pcluster.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.pcluster.api.InvalidConfigurationException;
import io.camelpcluster.pcluster.api.SafeYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns a {@link ClusterTemplate} into the cluster configuration YAML of one run. {@link #build()}
 * works on a copy of the template, in this order:
 *
 * <ol>
 *   <li><b>Placeholders</b>: every {@code ${expression}} in a string value is replaced by what the
 *       {@linkplain #placeholders resolver} returns for {@code expression}. A value that is
 *       exactly one placeholder takes the result's type (text, number or boolean); inside longer
 *       text the result is joined as text. {@code $${} writes a literal {@code ${}. Keys are never
 *       scanned. A null result is an error naming the placeholder and its path.
 *   <li><b>Overrides</b>, in the order given: see {@link ConfigOverride} and {@link ConfigPath}.
 *       Override values are literal (not scanned for placeholders).
 *   <li><b>Tags</b>: merged into the top-level {@code Tags}, see {@link ClusterTags}; they win
 *       over template tags and over overrides of {@code Tags}.
 *   <li><b>Validation</b>: the tree is written with {@link SafeYaml}, read back, and must be the
 *       same tree. Substitution works on the parsed tree, never on text, so no value can add keys
 *       or documents; a value the writer cannot carry exactly fails here instead of changing.
 * </ol>
 *
 * A builder is for one run and not thread-safe; templates, overrides and tags are immutable and
 * can be shared. All errors are {@link TemplateException}s that name the template source.
 */
public final class ClusterConfigBuilder {

  private final ClusterTemplate template;
  private final List<ConfigOverride> overrides = new ArrayList<>();
  private Function<String, ?> resolver = expression -> null;
  private ClusterTags tags = ClusterTags.empty();

  private ClusterConfigBuilder(ClusterTemplate template) {
    this.template = Objects.requireNonNull(template, "template");
  }

  /** Starts a configuration from a template. */
  public static ClusterConfigBuilder from(ClusterTemplate template) {
    return new ClusterConfigBuilder(template);
  }

  /**
   * Sets the resolver of placeholders: it gets the text between {@code ${} and {@code }} and
   * returns text, a number, a boolean, or null when it cannot resolve it. Without one, any
   * placeholder is an error.
   */
  public ClusterConfigBuilder placeholders(Function<String, ?> resolver) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    return this;
  }

  /** Adds an override; a null value removes what is at the path. */
  public ClusterConfigBuilder override(String path, Object value) {
    return override(ConfigOverride.of(path, value));
  }

  /** Adds an override. */
  public ClusterConfigBuilder override(ConfigOverride override) {
    overrides.add(Objects.requireNonNull(override, "override"));
    return this;
  }

  /** Adds overrides from path/value pairs, in the map's iteration order. */
  public ClusterConfigBuilder overrides(Map<String, ?> overrides) {
    overrides.forEach(this::override);
    return this;
  }

  /** Adds tags; a key given again takes the later value. */
  public ClusterConfigBuilder tags(ClusterTags tags) {
    this.tags = this.tags.withAll(tags);
    return this;
  }

  /** Adds one tag. */
  public ClusterConfigBuilder tag(String key, String value) {
    this.tags = this.tags.with(key, value);
    return this;
  }

  /** Builds the configuration YAML (see the class description for the steps). */
  public String build() {
    ObjectNode tree = template.tree();
    try {
      Placeholders.fill(tree, resolver);
      overrides.forEach(override -> override.applyTo(tree));
      tags.applyTo(tree);
      return checkedYaml(tree);
    } catch (TemplateException e) {
      throw new TemplateException(
          "template " + TemplateException.quote(template.source()) + ": " + e.getMessage(), e);
    }
  }

  private static String checkedYaml(ObjectNode tree) {
    String yaml = SafeYaml.write(tree);
    ObjectNode readBack;
    try {
      readBack = SafeYaml.parseMapping(yaml);
    } catch (InvalidConfigurationException e) {
      throw new TemplateException("the resulting configuration is invalid: " + e.getMessage(), e);
    }
    ConfigPath difference = ConfigValues.firstDifference(tree, readBack, ConfigPath.root());
    if (difference != null) {
      throw new TemplateException(
          "the value at "
              + ConfigValues.where(difference)
              + " does not survive writing as YAML (it reads back as something else)");
    }
    return yaml;
  }
}
