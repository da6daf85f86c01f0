package io.camelpcluster.pcluster.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.pcluster.template.ConfigPath.Append;
import io.camelpcluster.pcluster.template.ConfigPath.Index;
import io.camelpcluster.pcluster.template.ConfigPath.Key;
import io.camelpcluster.pcluster.template.ConfigPath.Named;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigPathTest {

  @Test
  void readsKeysIndexesAndNamesAsParallelClusterWritesThem() {
    assertThat(
            ConfigPath.parse("Scheduling.SlurmQueues[0].ComputeResources[0].MaxCount").segments())
        .containsExactly(
            new Key("Scheduling"),
            new Key("SlurmQueues"),
            new Index(0),
            new Key("ComputeResources"),
            new Index(0),
            new Key("MaxCount"));
    assertThat(
            ConfigPath.parse("Scheduling.SlurmQueues[queue1].ComputeResources[cr1].MaxCount")
                .segments())
        .containsExactly(
            new Key("Scheduling"),
            new Key("SlurmQueues"),
            new Named("queue1"),
            new Key("ComputeResources"),
            new Named("cr1"),
            new Key("MaxCount"));
  }

  @Test
  void namesMayHoldArnAndBucketCharacters() {
    assertThat(
            ConfigPath.parse(
                    "HeadNode.Iam.AdditionalIamPolicies[arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore].Policy")
                .segments())
        .contains(new Named("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"));
    assertThat(ConfigPath.parse("HeadNode.Iam.S3Access[my.bucket-1].EnableWriteAccess").segments())
        .contains(new Named("my.bucket-1"));
    assertThat(ConfigPath.parse("Tags[Cost Center].Value").segments())
        .contains(new Named("Cost Center"));
  }

  @Test
  void quotedKeysAndNamesCarryAnyCharacter() {
    assertThat(ConfigPath.parse("DevSettings.\"odd.key [x]\".Value").segments())
        .containsExactly(new Key("DevSettings"), new Key("odd.key [x]"), new Key("Value"));
    assertThat(ConfigPath.parse("Tags[\"2024\"].Value").segments())
        .containsExactly(new Key("Tags"), new Named("2024"), new Key("Value"));
    assertThat(ConfigPath.parse("\"say \\\"hi\\\" \\\\ bye\"").segments())
        .containsExactly(new Key("say \"hi\" \\ bye"));
    assertThat(ConfigPath.parse("Tags[\"a]b\"]").segments())
        .containsExactly(new Key("Tags"), new Named("a]b"));
  }

  @Test
  void appendEndsAPath() {
    assertThat(ConfigPath.parse("Scheduling.SlurmQueues[+]").segments())
        .containsExactly(new Key("Scheduling"), new Key("SlurmQueues"), new Append());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Scheduling.SlurmQueues[batch].ComputeResources[c6i-large].MaxCount",
        "Scheduling.SlurmQueues[0].ComputeResources[12].MaxCount",
        "Tags[\"2024\"].Value",
        "Tags[\"+\"].Value",
        "Tags[Cost Center].Value",
        "Tags[\"a]b\\\"c\"].Value",
        "\"odd.key\".\"with \\\"quotes\\\"\"[+]",
        "\"line\nbreak\".x",
        "HeadNode.Iam.AdditionalIamPolicies[arn:aws:iam::aws:policy/X].Policy",
        "\"日本語\".\"キー\"[名前]"
      })
  void printsPathsItReadsBack(String text) {
    ConfigPath path = ConfigPath.parse(text);
    assertThat(ConfigPath.parse(path.toString())).isEqualTo(path);
  }

  @Test
  void printsCanonicalForms() {
    assertThat(ConfigPath.parse("\"Plain\".\"a.b\"[\"name\"][007]").toString())
        .isEqualTo("Plain.\"a.b\"[name][7]");
    assertThat(ConfigPath.root()).hasToString("(root)");
  }

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        Arguments.of("a..b", "expected a key but found '.'"),
        Arguments.of(".a", "expected a key but found '.'"),
        Arguments.of("a.", "expected a key but the path ends"),
        Arguments.of("[0].a", "expected a key but found '['"),
        Arguments.of("a[0", "'[' is never closed"),
        Arguments.of("a[]", "empty []"),
        Arguments.of("a[x[y]]", "unexpected '[' inside [...]"),
        Arguments.of("a]b", "expected '.' or '[' but found ']'"),
        Arguments.of("a b", "expected '.' or '[' but found ' '"),
        Arguments.of("a[0]b", "expected '.' or '[' but found 'b'"),
        Arguments.of("a.\"open", "quote is never closed"),
        Arguments.of("a.\"bad\\n\"", "only \\\" and \\\\ escapes"),
        Arguments.of("a[99999999999]", "index 99999999999 is too large"),
        Arguments.of("a[\"x\"y]", "expected ']'"),
        Arguments.of("a.b:c", "expected '.' or '[' but found ':'"));
  }

  @ParameterizedTest
  @MethodSource("syntaxErrors")
  void rejectsSyntaxErrorsWithThePositionAndTheProblem(String text, String problem) {
    assertThatThrownBy(() -> ConfigPath.parse(text))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("invalid configuration path '" + text + "' at position")
        .hasMessageContaining(problem);
  }

  @Test
  void suggestsQuotesForOtherKeys() {
    assertThatThrownBy(() -> ConfigPath.parse("HeadNode.Clé"))
        .hasMessage(
            "invalid configuration path 'HeadNode.Clé' at position 11: expected '.' or '[' but found"
                + " 'é' (keys with characters other than letters, digits, _ and - go in double quotes)");
    assertThatThrownBy(() -> ConfigPath.parse("HeadNode.éA"))
        .hasMessageEndingWith(
            "expected a key but found 'é' (keys with characters other than letters, digits, _ and -"
                + " go in double quotes)");
  }

  @Test
  void aNegativeIndexIsAName() {
    assertThat(ConfigPath.parse("a[-1]").segments()).containsExactly(new Key("a"), new Named("-1"));
  }

  @Test
  void appendOnlyAtTheEnd() {
    assertThatThrownBy(() -> ConfigPath.parse("Scheduling.SlurmQueues[+].Name"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("[+] can only end a path");
  }

  @Test
  void rejectsEmptyPaths() {
    assertThatThrownBy(() -> ConfigPath.parse(null)).hasMessageContaining("cannot be empty");
    assertThatThrownBy(() -> ConfigPath.parse(" \t")).hasMessageContaining("cannot be empty");
  }

  @Test
  void messagesEscapeHostilePaths() {
    String hostile = "a\nERROR forged log line\r\u0007" + "x".repeat(10_000);
    assertThatThrownBy(() -> ConfigPath.parse(hostile))
        .isInstanceOf(TemplateException.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").contains("\\n");
              assertThat(e.getMessage()).hasSizeLessThan(400).contains("(10025 chars)");
            });
  }
}
