package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.template.ClusterConfigBuilder;
import io.camelpcluster.pcluster.template.ClusterTags;
import io.camelpcluster.pcluster.template.ClusterTemplate;
import io.camelpcluster.pcluster.template.TemplateLoader;
import io.camelpcluster.pcluster.template.TemplateSource;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.Language;

/**
 * The configuration document of createCluster, updateCluster and buildImage for one exchange.
 *
 * <p>The source is the first of: the configuration header, the {@link
 * PclusterConstants#CONFIG_TEMPLATE} header, the configuration option, the {@code configTemplate}
 * option, the body (text or a {@link ClusterTemplate}). It is then turned into the YAML to send by
 * {@link ClusterConfigBuilder}: {@code ${...}} placeholders are evaluated with the Simple language
 * against the exchange, overrides are applied ({@code configOverrides.<path>} options, then {@code
 * CamelPclusterConfigOverride.<path>} headers in path order, then the {@code
 * CamelPclusterConfigOverrides} map in its order), and cluster tags are merged (the {@code
 * clusterTags} options, then the {@code CamelPclusterClusterTags} header).
 */
final class ConfigurationDocuments {

  private final CamelContext camelContext;
  private final TemplateLoader loader;
  private final Language simple;

  ConfigurationDocuments(CamelContext camelContext) {
    this.camelContext = camelContext;
    ClassLoader classLoader = camelContext.getApplicationContextClassLoader();
    TemplateLoader.Reader beans = this::beanText;
    this.loader =
        TemplateLoader.standard(
                classLoader != null ? classLoader : ConfigurationDocuments.class.getClassLoader())
            .withReader("bean:", beans)
            .withReader("#bean:", beans);
    this.simple = camelContext.resolveLanguage("simple");
  }

  /** The cluster configuration YAML, with the cluster tags. */
  String cluster(ExchangeInputs inputs) {
    PclusterConfiguration configuration = inputs.configuration();
    ClusterTemplate template =
        template(
            inputs,
            PclusterConstants.CLUSTER_CONFIGURATION,
            configuration.getClusterConfiguration(),
            "clusterConfiguration");
    ClusterTags tags =
        ClusterTags.of(configuration.getClusterTags())
            .withAll(
                ClusterTags.of(headerMap(inputs, PclusterConstants.CLUSTER_TAGS, String.class)));
    return builder(inputs, template).tags(tags).build();
  }

  /** The image configuration YAML (images carry their tags in Build/Image.Tags). */
  String image(ExchangeInputs inputs) {
    ClusterTemplate template =
        template(
            inputs,
            PclusterConstants.IMAGE_CONFIGURATION,
            inputs.configuration().getImageConfiguration(),
            "imageConfiguration");
    return builder(inputs, template).build();
  }

  private ClusterConfigBuilder builder(ExchangeInputs inputs, ClusterTemplate template) {
    Exchange exchange = inputs.exchange();
    ClusterConfigBuilder builder = ClusterConfigBuilder.from(template);
    builder.placeholders(
        inputs.configuration().isResolvePlaceholders()
            ? expression ->
                simple.createExpression("${" + expression + "}").evaluate(exchange, Object.class)
            : expression -> "${" + expression + "}");
    builder.overrides(inputs.configuration().getConfigOverrides());
    Map<String, Object> prefixed = new TreeMap<>();
    exchange
        .getMessage()
        .getHeaders()
        .forEach(
            (name, value) -> {
              if (name.startsWith(PclusterConstants.CONFIG_OVERRIDE_PREFIX)) {
                prefixed.put(
                    name.substring(PclusterConstants.CONFIG_OVERRIDE_PREFIX.length()), value);
              }
            });
    builder.overrides(prefixed);
    builder.overrides(headerMap(inputs, PclusterConstants.CONFIG_OVERRIDES, Object.class));
    return builder;
  }

  /** The template from the first source that is set (see the class description). */
  private ClusterTemplate template(
      ExchangeInputs inputs, String documentHeader, String documentOption, String optionName) {
    Message message = inputs.exchange().getMessage();
    String document = text(message.getHeader(documentHeader), documentHeader);
    String location =
        text(
            message.getHeader(PclusterConstants.CONFIG_TEMPLATE),
            PclusterConstants.CONFIG_TEMPLATE);
    if (document != null && location != null) {
      throw new IllegalArgumentException(
          "set either the "
              + documentHeader
              + " or the "
              + PclusterConstants.CONFIG_TEMPLATE
              + " header, not both");
    }
    String origin = "header " + documentHeader;
    if (document == null && location == null) {
      document = blankToNull(documentOption);
      location = blankToNull(inputs.configuration().getConfigTemplate());
      origin = optionName + " option";
      if (document != null && location != null) {
        throw new IllegalArgumentException(
            "set either the " + optionName + " or the configTemplate option, not both");
      }
    }
    if (document != null) {
      return ClusterTemplate.parse(new TemplateSource(origin, document));
    }
    if (location != null) {
      return loader.load(location);
    }
    return fromBody(inputs, documentHeader, optionName);
  }

  private ClusterTemplate fromBody(
      ExchangeInputs inputs, String documentHeader, String optionName) {
    Object body = inputs.exchange().getMessage().getBody();
    if (body instanceof ClusterTemplate template) {
      return template;
    }
    String text =
        body == null || body instanceof Map || body instanceof Collection
            ? null
            : inputs.exchange().getMessage().getBody(String.class);
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          inputs.operation()
              + " needs a configuration: the body (YAML text or a ClusterTemplate), the "
              + optionName
              + " option or the "
              + documentHeader
              + " header, or configTemplate");
    }
    return ClusterTemplate.parse(new TemplateSource("body", text));
  }

  private String text(Object value, String header) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof CharSequence)) {
      throw new IllegalArgumentException(
          "header " + header + " must be text, got a " + value.getClass().getName());
    }
    return blankToNull(value.toString());
  }

  /** A map header, or an empty map; an error when it is something else. */
  private static <V> Map<String, V> headerMap(
      ExchangeInputs inputs, String header, Class<V> values) {
    Object value = inputs.exchange().getMessage().getHeader(header);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          "header " + header + " must be a java.util.Map, got a " + value.getClass().getName());
    }
    Map<String, V> typed = new LinkedHashMap<>();
    map.forEach(
        (key, item) -> {
          if (!(key instanceof String name) || item != null && !values.isInstance(item)) {
            throw new IllegalArgumentException(
                "header "
                    + header
                    + " must map text keys to "
                    + values.getSimpleName()
                    + " values");
          }
          typed.put(name, values.cast(item));
        });
    return typed;
  }

  /** Reads a template bean: its text, or the rendering of a {@link ClusterTemplate}. */
  private String beanText(String name) throws IOException {
    Object bean = camelContext.getRegistry().lookupByName(name);
    if (bean == null) {
      throw new NoSuchFileException("bean " + name);
    }
    if (bean instanceof ClusterTemplate template) {
      return template.render();
    }
    if (bean instanceof TemplateSource source) {
      return source.text();
    }
    if (bean instanceof CharSequence text) {
      return text.toString();
    }
    throw new IOException(
        "the bean is a " + bean.getClass().getName() + ", not a String or a ClusterTemplate");
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
