package io.camelpcluster.pcluster.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.pcluster.api.SafeYaml;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values from the outside (placeholder results, override values, tag values, quoted keys) can never
 * add keys, items or documents: each test renders, reads the YAML back with SafeYaml and compares
 * the whole tree with the tree expected.
 */
class YamlSafetyTest {

  private static final ClusterTemplate TEMPLATE =
      ClusterTemplate.parse(
          """
          HeadNode:
            InstanceType: ${whole}
            Label: pre-${embedded}-post
          Scheduling:
            SlurmQueues:
              - Name: batch
                ComputeResources:
                  - Name: c6i
                    MaxCount: 8
          """);

  static Stream<String> hostileValues() {
    return Stream.of(
        "it's \"quoted\" 'both' ways",
        "key: value",
        "Injected: true",
        "a:b:c: d",
        "line1\nline2\n",
        "line1\nInjected: true\n---\nOther: document\n",
        "\n\nleading newlines",
        "trailing newlines\n\n\n",
        "# comment",
        "value # trailing comment",
        "&anchor",
        "*alias",
        "&a [x] *a",
        "!!python/object/apply:os.system ['id']",
        "!tag value",
        "{Injected: true}",
        "[Injected, true]",
        "{}",
        "[]",
        "---",
        "...",
        "--- \nInjected: true",
        "- item",
        "-",
        "<<: {Injected: true}",
        "<<: *alias",
        "? complex key",
        "| literal",
        "> folded",
        "%YAML 1.1",
        "@at",
        "`backtick`",
        "$(rm -rf /); `id` && echo ${HOME} | tee /etc/passwd",
        "  leading and trailing  ",
        "\ttab",
        "",
        " ",
        "true",
        "no",
        "Off",
        "null",
        "~",
        "8",
        "-0",
        "0.5",
        "010",
        "2001-12-14",
        "Ünïcödé 日本語 😀",
        "\u202Eright-to-left override",
        "non\u00a0breaking",
        "line\u2028separator",
        "nul\u0000byte and \u001b[31mescape",
        "carriage\r\nreturn",
        "x".repeat(10_240),
        "line of text\n".repeat(800));
  }

  /**
   * Values that SafeYaml.write currently emits as plain scalars although a YAML 1.1 reader
   * (SnakeYAML, PyYAML on the server) types them as numbers or a merge key, or folds their line
   * breaks. Rendering them must never change them silently: either they read back exactly or the
   * build fails naming the path.
   */
  static Stream<String> valuesTheWriterMayNotCarry() {
    return Stream.of(
        "<<",
        "1:20",
        "1:05:00",
        "0x1F",
        "0b101",
        "1_000",
        "1e5",
        "1.5e3",
        ".nan",
        "-.inf",
        "a\u0085b",
        "a\n\u0085");
  }

  private static ObjectNode expected(String whole, String embedded) {
    ObjectNode tree = TEMPLATE.tree();
    ((ObjectNode) tree.get("HeadNode"))
        .put("InstanceType", whole)
        .put("Label", "pre-" + embedded + "-post");
    return tree;
  }

  private static ObjectNode render(ClusterConfigBuilder builder) {
    return SafeYaml.parseMapping(builder.build());
  }

  @ParameterizedTest
  @MethodSource("hostileValues")
  void placeholderResultsStayOneString(String value) {
    ObjectNode rendered =
        render(
            ClusterConfigBuilder.from(TEMPLATE)
                .placeholders(Map.of("whole", value, "embedded", value)::get));
    assertThat(rendered).isEqualTo(expected(value, value));
  }

  @ParameterizedTest
  @MethodSource("hostileValues")
  void overrideValuesStayOneString(String value) {
    ObjectNode rendered =
        render(
            ClusterConfigBuilder.from(TEMPLATE)
                .placeholders(Map.of("whole", "t3.medium", "embedded", "x")::get)
                .override("HeadNode.InstanceType", value)
                .override("HeadNode.Label", value));
    ObjectNode expected = expected(value, "");
    ((ObjectNode) expected.get("HeadNode")).put("Label", value);
    assertThat(rendered).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("hostileValues")
  void hostileKeysStayOneKey(String key) {
    ObjectNode rendered =
        render(
            ClusterConfigBuilder.from(TEMPLATE)
                .placeholders(Map.of("whole", "t3.medium", "embedded", "x")::get)
                .override(new ConfigOverride(ConfigPath.root().key("DevSettings").key(key), "v")));
    ObjectNode expected = expected("t3.medium", "x");
    expected.putObject("DevSettings").put(key, "v");
    assertThat(rendered).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("hostileValues")
  void tagValuesStayOneString(String value) {
    String tagValue =
        value.length() > ClusterTag.MAX_VALUE_LENGTH ? value.substring(0, 256) : value;
    ObjectNode rendered =
        render(
            ClusterConfigBuilder.from(TEMPLATE)
                .placeholders(Map.of("whole", "t3.medium", "embedded", "x")::get)
                .tag("owner", tagValue));
    ObjectNode expected = expected("t3.medium", "x");
    ArrayNode tags = expected.putArray("Tags");
    tags.addObject().put("Key", "owner").put("Value", tagValue);
    assertThat(rendered).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("valuesTheWriterMayNotCarry")
  void valuesAreNeverChangedSilently(String value) {
    ClusterConfigBuilder builder =
        ClusterConfigBuilder.from(TEMPLATE)
            .placeholders(Map.of("whole", value, "embedded", "x")::get);
    String yaml;
    try {
      yaml = builder.build();
    } catch (TemplateException e) {
      assertThat(e.getMessage())
          .startsWith("template 'inline template': ")
          .containsAnyOf(
              "the value at 'HeadNode.InstanceType' does not survive writing as YAML",
              "the resulting configuration is invalid");
      return;
    }
    assertThat(SafeYaml.parseMapping(yaml)).isEqualTo(expected(value, "x"));
  }

  @Test
  void aValueCannotAddDocumentsOrKeysEvenWhenItLooksLikeYaml() {
    String attack = "x\n---\nHeadNode:\n  InstanceType: p5.48xlarge\nTags: []\n...\n";
    String yaml =
        ClusterConfigBuilder.from(TEMPLATE)
            .placeholders(Map.of("whole", attack, "embedded", attack)::get)
            .build();
    ObjectNode rendered = SafeYaml.parseMapping(yaml);
    assertThat(rendered.fieldNames()).toIterable().containsExactly("HeadNode", "Scheduling");
    assertThat(rendered.get("HeadNode").get("InstanceType").asText()).isEqualTo(attack);
  }

  @Test
  void aValueThatWouldChangeIsReportedByPath() {
    // "1:05:00" is a valid FSx WeeklyMaintenanceStartTime; a YAML 1.1 reader sees 3900 in it
    // unless it is quoted. Whatever SafeYaml does, the result must not be 3900.
    ClusterConfigBuilder builder =
        ClusterConfigBuilder.from(TEMPLATE)
            .placeholders(Map.of("whole", "t3.medium", "embedded", "x")::get)
            .override(
                "SharedStorage[+]",
                Map.of(
                    "Name",
                    "fsx",
                    "FsxLustreSettings",
                    Map.of("WeeklyMaintenanceStartTime", "1:05:00")));
    try {
      ObjectNode rendered = SafeYaml.parseMapping(builder.build());
      assertThat(
              rendered.at("/SharedStorage/0/FsxLustreSettings/WeeklyMaintenanceStartTime").asText())
          .isEqualTo("1:05:00");
    } catch (TemplateException e) {
      assertThat(e)
          .hasMessage(
              "template 'inline template': the value at"
                  + " 'SharedStorage[fsx].FsxLustreSettings.WeeklyMaintenanceStartTime'"
                  + " does not survive writing as YAML (it reads back as something else)");
    }
  }

  @Test
  void aLargeResultIsStillCheckedAgainstSafeYamlLimits() {
    String big = "y".repeat(SafeYaml.MAX_CODE_POINTS);
    assertThatThrownBy(
            () ->
                ClusterConfigBuilder.from(TEMPLATE)
                    .placeholders(Map.of("whole", big, "embedded", "x")::get)
                    .build())
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(
            "template 'inline template': the resulting configuration is invalid:");
  }
}
