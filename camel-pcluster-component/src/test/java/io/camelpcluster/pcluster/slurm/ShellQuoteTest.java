package io.camelpcluster.pcluster.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellQuoteTest {

  @TempDir Path tmp;

  static List<String> hostileValues(Path marker) {
    String touch = "touch " + marker;
    List<String> values =
        new ArrayList<>(
            List.of(
                "",
                " ",
                "plain",
                "-rf",
                "--option=value",
                "it's",
                "''",
                "'\\''",
                "\"double\"",
                "$(" + touch + ")",
                "`" + touch + "`",
                "${HOME}",
                "$HOME",
                "a; " + touch,
                "a && " + touch + " || " + touch,
                "a | " + touch,
                "a > " + marker,
                "*",
                "~",
                "line1\nline2\n",
                "cr\rlf\r\nend",
                "\r\n",
                "tab\there",
                "back\\slash\\",
                "\\'",
                "#comment",
                "ünïcødé ✓ 日本語 🚀",
                "!bang !! !$",
                "%s %n %%",
                "x\"; rm -rf / #"));
    values.add("a".repeat(10_000) + "'" + "$(x)".repeat(100));
    return values;
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "sh"})
  void everyValueSurvivesARealShellByteForByte(String shell) throws Exception {
    Path marker = tmp.resolve("pwned");
    for (String value : hostileValues(marker)) {
      Shell.Result result = Shell.run(shell, "printf '%s' " + ShellQuote.quote(value));
      assertThat(result.exitStatus()).as("exit status for %s", value).isZero();
      assertThat(result.stdout()).as("round trip of %s", value).isEqualTo(value);
    }
    assertThat(Files.exists(marker)).as("no quoted value was executed").isFalse();
  }

  @Test
  void joinKeepsArgumentBoundaries() {
    Path marker = tmp.resolve("pwned");
    List<String> argv = new ArrayList<>(List.of("printf", "[%s]\\n"));
    argv.addAll(hostileValues(marker));
    Shell.Result result = Shell.run("bash", ShellQuote.join(argv));
    StringBuilder expected = new StringBuilder();
    hostileValues(marker).forEach(v -> expected.append('[').append(v).append("]\n"));
    assertThat(result.stdout()).isEqualTo(expected.toString());
    assertThat(Files.exists(marker)).isFalse();
  }

  @Test
  void leavesPlainWordsBareAndQuotesTheRest() {
    assertThat(ShellQuote.quote("queue1-dy-c5.xlarge_1")).isEqualTo("queue1-dy-c5.xlarge_1");
    assertThat(ShellQuote.quote("/home/ec2-user/run=1,2:3@x%y+z"))
        .isEqualTo("/home/ec2-user/run=1,2:3@x%y+z");
    assertThat(ShellQuote.quote("")).isEqualTo("''");
    assertThat(ShellQuote.quote("a b")).isEqualTo("'a b'");
    assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(ShellQuote.join("echo", "a b", "c")).isEqualTo("echo 'a b' c");
  }

  @Test
  void neverEmitsCarriageReturnLineFeedWhichSbatchRejects() {
    assertThat(ShellQuote.quote("a\r\nb")).doesNotContain("\r\n").isEqualTo("'a\r''\nb'");
  }

  @Test
  void rejectsNul() {
    assertThatThrownBy(() -> ShellQuote.quote("a\0b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
  }
}
