package io.camelpcluster.emulator.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The agent's cuts, byte for byte. */
class InlineOutputTest {

  @Test
  void standardOutputIsWholeBelowTheLimitAndCutWithTheSuffixFromIt() {
    assertThat(InlineOutput.standardOutput(output("x".repeat(23_999)))).hasSize(23_999);
    assertThat(InlineOutput.standardOutput(output("x".repeat(24_000))))
        .isEqualTo("x".repeat(23_980) + "--output truncated--");
    assertThat(InlineOutput.standardError(output("y".repeat(1_000_000))))
        .isEqualTo("y".repeat(7_980) + "--output truncated--");
  }

  @Test
  void aCutThroughAMultiByteCharacterLeavesAReplacementCharacter() {
    String text = "a" + "é".repeat(12_000);
    String cut = InlineOutput.standardOutput(output(text));

    assertThat(cut).endsWith("\uFFFD--output truncated--");
    assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(24_002);
  }

  @Test
  void pluginOutputShowsBothStreamsWhenTheyFit() {
    assertThat(InlineOutput.pluginOutput(output("out\n"), output("err\n")))
        .isEqualTo("out\n\n----------ERROR-------\nerr\n");
    assertThat(InlineOutput.pluginOutput(output("out\n"), CapturedOutput.EMPTY)).isEqualTo("out\n");
  }

  @Test
  void pluginOutputCutsBothHalvesWhenBothAreLong() {
    String cut = InlineOutput.pluginOutput(output("o".repeat(5000)), output("e".repeat(5000)));

    assertThat(cut)
        .isEqualTo(
            "o".repeat(1215)
                + "\n---Output truncated---"
                + "\n----------ERROR-------\n"
                + "e".repeat(1215)
                + "\n---Error truncated----");
    assertThat(cut).hasSize(2500);
  }

  @Test
  void pluginOutputCutsOnlyTheLongStream() {
    assertThat(InlineOutput.pluginOutput(output("short"), output("e".repeat(5000))))
        .endsWith("\n---Error truncated----")
        .startsWith("short\n----------ERROR-------\neee")
        .hasSize(2500);
    assertThat(InlineOutput.pluginOutput(output("o".repeat(5000)), output("short")))
        .startsWith("ooo")
        .endsWith("\n---Output truncated---\n----------ERROR-------\nshort")
        .hasSize(2500);
  }

  private static CapturedOutput output(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[] head = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, CapturedOutput.HEAD_BYTES));
    return new CapturedOutput(head, bytes.length);
  }
}
