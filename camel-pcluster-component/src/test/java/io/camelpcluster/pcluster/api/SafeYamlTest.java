package io.camelpcluster.pcluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SafeYamlTest {

  @Test
  void parsesAMapping() {
    ObjectNode node = SafeYaml.parseMapping("Image:\n  Os: alinux2023\n");
    assertThat(node.at("/Image/Os").asText()).isEqualTo("alinux2023");
  }

  @Test
  void rejectsEmptyScalarsAndLists() {
    assertThatThrownBy(() -> SafeYaml.parseMapping("  "))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("cannot be empty");
    assertThatThrownBy(() -> SafeYaml.parseMapping("- a\n- b\n"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("mapping");
    assertThatThrownBy(() -> SafeYaml.parseMapping("a: [unclosed"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void rejectsAnAliasBombQuickly() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    assertThatThrownBy(() -> SafeYaml.parseMapping(bomb.toString()))
        .isInstanceOf(InvalidConfigurationException.class);
  }

  @Test
  void rejectsDeepNesting() {
    String deep = "a: " + "[".repeat(500) + "]".repeat(500);
    assertThatThrownBy(() -> SafeYaml.parseMapping(deep))
        .isInstanceOf(InvalidConfigurationException.class);
  }

  @Test
  void rejectsDuplicateKeys() {
    assertThatThrownBy(() -> SafeYaml.parseMapping("a: 1\na: 2\n"))
        .isInstanceOf(InvalidConfigurationException.class);
  }

  @Test
  void writesStringsThatAYaml11ReaderWouldRetypeQuoted() {
    for (String value :
        new String[] {
          "1:05:00", "0x1F", "0b101", "1_000", "1e5", ".nan", "-.inf", "<<", "yes", "~"
        }) {
      ObjectNode tree = SafeYaml.mapper().createObjectNode().put("v", value);
      ObjectNode back = SafeYaml.parseMapping(SafeYaml.write(tree));
      assertThat(back.get("v").isTextual()).as(value).isTrue();
      assertThat(back.get("v").asText()).isEqualTo(value);
    }
  }
}
