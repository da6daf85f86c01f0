package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog JSON that camel-component-maven-plugin generates lists every option and header with a
 * description, and src/main/docs/pcluster-component.adoc carries the option and header tables
 * rendered from it (on a mismatch the expected tables are written to target/ to copy from).
 */
class ComponentDocsTest {

  private static final Path DOC = Path.of("src/main/docs/pcluster-component.adoc");
  private static final Path EXPECTED = Path.of("target/pcluster-component-tables.adoc");

  private static JsonNode catalog;

  @BeforeAll
  static void readCatalog() throws IOException {
    try (InputStream in =
        ComponentDocsTest.class.getResourceAsStream(
            "/META-INF/io/camelpcluster/pcluster/pcluster.json")) {
      assertThat(in).as("generated pcluster.json on the classpath").isNotNull();
      catalog = new ObjectMapper().readTree(in);
    }
  }

  @Test
  void everyOptionIsInTheCatalogWithADescription() {
    List<String> declared = new ArrayList<>();
    for (Field field : PclusterConfiguration.class.getDeclaredFields()) {
      if (field.isAnnotationPresent(UriParam.class) || field.isAnnotationPresent(UriPath.class)) {
        declared.add(field.getName());
      }
    }
    JsonNode properties = catalog.get("properties");

    assertThat(declared).hasSizeGreaterThan(50);
    for (String option : declared) {
      JsonNode property = properties.get(option);
      assertThat(property).as(option).isNotNull();
      assertThat(property.get("description").asText()).as(option).isNotBlank().doesNotContain(".=");
      assertThat(catalog.get("componentProperties").has(option) || option.equals("operation"))
          .as("component-level " + option)
          .isTrue();
    }
    for (String secret : List.of("accessKey", "secretKey", "sessionToken")) {
      assertThat(properties.get(secret).get("secret").asBoolean()).as(secret).isTrue();
    }
    assertThat(properties.get("pclusterClient").get("autowired").asBoolean()).isTrue();
  }

  @Test
  void everyHeaderIsInTheCatalogWithADescriptionAndType() throws IllegalAccessException {
    JsonNode headers = catalog.get("headers");
    int count = 0;
    for (Field field : PclusterConstants.class.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
        continue;
      }
      String name = (String) field.get(null);
      assertThat(field.isAnnotationPresent(Metadata.class)).as(name).isTrue();
      assertThat(name).startsWith("CamelPcluster");
      JsonNode header = headers.get(name);
      assertThat(header).as(name).isNotNull();
      assertThat(header.get("description").asText()).as(name).isNotBlank();
      assertThat(header.get("javaType").asText()).as(name).isNotBlank();
      count++;
    }
    assertThat(count).isEqualTo(headers.size());
  }

  @Test
  void theDocumentCarriesTheTablesOfTheCatalog() throws IOException {
    String doc = Files.readString(DOC);
    String expected =
        section("component options", table(catalog.get("componentProperties"), "Component options"))
            + "\n"
            + section("endpoint options", table(catalog.get("properties"), "Endpoint options"))
            + "\n"
            + section("component headers", headerTable(catalog.get("headers")));
    Files.createDirectories(EXPECTED.getParent());
    Files.writeString(EXPECTED, expected);

    for (String part : expected.split("\n\n")) {
      assertThat(doc)
          .as("the tables of " + DOC + " are out of date: copy them from " + EXPECTED)
          .contains(part);
    }
  }

  @Test
  void theDocumentDescribesEveryOperation() throws IOException {
    String doc = Files.readString(DOC);

    Arrays.stream(PclusterOperations.values())
        .forEach(operation -> assertThat(doc).contains("| `" + operation + "`"));
  }

  private static String section(String name, String table) {
    return "// " + name + ": START\n" + table + "// " + name + ": END\n";
  }

  private static String table(JsonNode properties, String title) {
    StringBuilder out =
        new StringBuilder(
            "." + title + "\n[width=\"100%\",cols=\"2,6,1,2\",options=\"header\"]\n|===\n");
    out.append("| Name | Description | Default | Type\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode option = entry.getValue();
      String javaType = option.get("javaType").asText();
      String defaultValue =
          option.has("defaultValue") && !javaType.equals("java.lang.Boolean")
              ? option.get("defaultValue").asText()
              : "";
      out.append("| *")
          .append(entry.getKey())
          .append("* (")
          .append(label(option))
          .append(") | ")
          .append(escape(option.get("description").asText()))
          .append(
              option.path("secret").asBoolean()
                  ? " This option is secret: it is never logged."
                  : "")
          .append(" | ")
          .append(defaultValue)
          .append(" | ")
          .append(shortType(javaType))
          .append('\n');
    }
    return out.append("|===\n").toString();
  }

  private static String headerTable(JsonNode headers) {
    StringBuilder out =
        new StringBuilder(
            ".Message headers\n[width=\"100%\",cols=\"3,6,2\",options=\"header\"]\n|===\n");
    out.append("| Name | Description | Type\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode header = entry.getValue();
      out.append("| *")
          .append(entry.getKey())
          .append("* (")
          .append(label(header))
          .append(") | ")
          .append(escape(header.get("description").asText()))
          .append(" | ")
          .append(shortType(header.get("javaType").asText()))
          .append('\n');
    }
    return out.append("|===\n").toString();
  }

  private static String label(JsonNode option) {
    String label = option.path("label").asText();
    return label.isEmpty() ? "common" : label;
  }

  private static String shortType(String javaType) {
    return javaType.contains("<")
        ? javaType.replace("java.lang.", "").replace("java.util.", "")
        : javaType.substring(javaType.lastIndexOf('.') + 1);
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
