package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterNamesTest {

  private static final ClusterNames NAMES = ClusterNames.defaults();

  private static final List<String> HOSTILE_KEYS =
      List.of(
          "data/Größe Übersicht.csv",
          "数据/文件.txt",
          "🎉🎉🎉.bin",
          "in/emoji 🎉 party.txt",
          "with spaces and\ttabs.txt",
          "x".repeat(1024),
          "a/" + "segment-".repeat(128),
          "!!!@@@###$$$%%%^^^&&&***",
          "$(rm -rf /); `reboot`",
          "line\nbreak\r\nname.txt",
          "../../etc/passwd",
          "..",
          "/",
          "///",
          "123-starts-with-digits.txt",
          "0",
          "-leading-hyphen-",
          "UPPER_case.TXT",
          "trailing/",
          "a--b---c",
          "İstanbul ǅ ﬁle ㎏",
          "\u0000\u0007\u001b[31m",
          "\u202e\u200b invisible",
          " ");

  @Test
  void hostileKeysGiveValidNames() {
    for (String key : HOSTILE_KEYS) {
      assertValid(NAMES, key, "run-1");
    }
  }

  @Test
  void randomKeysGiveValidNamesForEveryPrefixAndLength() {
    Random random = new Random(20261125L);
    String alphabet = "aZ09-_. /\\\n\t$'\"`();|&*?~#%éüß数🎉\u0301\u200d\u0000";
    int[] codePoints = alphabet.codePoints().toArray();
    List<ClusterNames> rules =
        List.of(
            ClusterNames.defaults(),
            new ClusterNames("pl", 11),
            new ClusterNames("Pipe-line2", 60),
            new ClusterNames("x", 12));
    for (int i = 0; i < 2_000; i++) {
      StringBuilder key = new StringBuilder();
      int length = random.nextInt(i % 10 == 0 ? 1200 : 40) + 1;
      for (int c = 0; c < length; c++) {
        key.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
      }
      for (ClusterNames rule : rules) {
        assertValid(rule, key.toString(), "run-" + i);
      }
    }
  }

  @Test
  void namesAreStablePerRunAndUniqueAcrossRuns() {
    InputObject input = new InputObject("inputs", "data/sample.txt", "etag");
    assertThat(NAMES.nameFor(input, "run-1")).isEqualTo(NAMES.nameFor(input, "run-1"));
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 5_000; i++) {
      names.add(NAMES.nameFor(input, "run-" + i));
    }
    assertThat(names).hasSize(5_000);
  }

  @Test
  void differentVersionsOfAnObjectGetDifferentNamesInTheSameRun() {
    assertThat(NAMES.nameFor(new InputObject("b", "k.txt", "e1"), "r"))
        .isNotEqualTo(NAMES.nameFor(new InputObject("b", "k.txt", "e2"), "r"));
  }

  @Test
  void readableKeysKeepTheirWords() {
    String name = NAMES.nameFor(new InputObject("b", "in/Größe Übersicht.csv", "e"), "r");
    assertThat(name).matches("pl-grosse-ubersicht-csv-[0-9a-z]{8}");
  }

  @Test
  void aKeyWithNothingReadableGivesPrefixAndSuffix() {
    assertThat(NAMES.nameFor(new InputObject("b", "数据/🎉", "e"), "r")).matches("pl-[0-9a-z]{8}");
  }

  @Test
  void longKeysAreCutWithoutATrailingHyphen() {
    String name = NAMES.nameFor(new InputObject("b", "word-".repeat(200) + "end", "e"), "run");
    assertThat(name).hasSizeLessThanOrEqualTo(40).doesNotContain("--");
    assertThat(name).startsWith("pl-word-word-");
  }

  @Test
  void slugIsTheLastSegmentFoldedAndCut() {
    assertThat(ClusterNames.slug("a/b/Crème Brûlée.TXT")).isEqualTo("creme-brulee-txt");
    assertThat(ClusterNames.slug("a/b/")).isEqualTo("b");
    assertThat(ClusterNames.slug("../../etc/passwd")).isEqualTo("passwd");
    assertThat(ClusterNames.slug("🎉")).isEmpty();
    assertThat(ClusterNames.slug("x".repeat(1024))).hasSize(ClusterNames.MAX_SLUG_LENGTH);
    assertThat(ClusterNames.slug("a-".repeat(100))).doesNotEndWith("-").hasSizeLessThan(61);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1pl", "-pl", "pl-", "p--l", "pl_x", "pl x", "pl\n", "plé", "数据"})
  void rejectsInvalidPrefixes(String prefix) {
    assertThatThrownBy(() -> new ClusterNames(prefix, 40))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("namePrefix")
        .hasMessageContaining("must start with a letter")
        .hasMessageNotContaining("\n");
  }

  @Test
  void rejectsLengthsWithoutRoomOrAboveTheLimit() {
    assertThatThrownBy(() -> new ClusterNames("pl", 61))
        .hasMessage("maxNameLength must be at most 60, but is 61");
    assertThatThrownBy(() -> new ClusterNames("pipeline", 16))
        .hasMessageContaining("it must be at least 17");
    assertThat(new ClusterNames("pipeline", 17).nameFor(new InputObject("b", "k", "e"), "r"))
        .matches("pipeline-[0-9a-z]{8}");
  }

  private static void assertValid(ClusterNames rule, String key, String runId) {
    String name = rule.nameFor(new InputObject("bucket", key, "etag"), runId);
    List<String> problems = new ArrayList<>();
    if (!ClusterNames.VALID_NAME.matcher(name).matches()) {
      problems.add("not a valid cluster name");
    }
    if (name.length() > rule.maxNameLength()) {
      problems.add("too long");
    }
    if (name.contains("--") || name.endsWith("-")) {
      problems.add("bad hyphens");
    }
    if (!name.startsWith(rule.namePrefix() + "-")) {
      problems.add("prefix missing");
    }
    assertThat(problems).as("name %s for key %s", name, Texts.printable(key, 80)).isEmpty();
    assertThat(rule.nameFor(new InputObject("bucket", key, "etag"), runId)).isEqualTo(name);
  }
}
