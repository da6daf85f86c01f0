package io.camelpcluster.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.emulator.model.ApiException;
import org.junit.jupiter.api.Test;

class ConfigYamlTest {

  @Test
  void theRegionIsReadWhenTheDocumentParses() {
    assertThat(ConfigYaml.parse("Region: eu-west-3\nImage: {}\n").region()).isEqualTo("eu-west-3");
    assertThat(ConfigYaml.parse("Region: [1]\n").region()).isNull();
    assertThat(ConfigYaml.parse("{{{").region()).isNull();
  }

  @Test
  void errorsAreRaisedOnlyWhenTheMappingIsNeeded() {
    ConfigYaml.Parsed parsed = ConfigYaml.parse("just text");

    assertThatThrownBy(parsed::require)
        .isInstanceOf(ApiException.class)
        .hasMessage(
            "Bad Request: Configuration must be a valid YAML document. Parsed config is not a dict");
  }

  @Test
  void iniDetectionFollowsConfigparser() {
    assertThat(ConfigYaml.looksLikeIni("[global]\ncluster_template = default\n")).isTrue();
    assertThat(ConfigYaml.looksLikeIni("; comment\n[a]\nk: v\n  continued\n")).isTrue();
    assertThat(ConfigYaml.looksLikeIni("key = value\n")).isFalse();
    assertThat(ConfigYaml.looksLikeIni("[a]\nk = 1\nk = 2\n")).isFalse();
    assertThat(ConfigYaml.looksLikeIni("[a]\n[a]\n")).isFalse();
    assertThat(ConfigYaml.looksLikeIni("[a]\njust words\n")).isFalse();
  }

  @Test
  void timestampsStayStrings() {
    assertThat(ConfigYaml.parse("When: 2025-01-01\n").require().get("When").isTextual()).isTrue();
  }
}
