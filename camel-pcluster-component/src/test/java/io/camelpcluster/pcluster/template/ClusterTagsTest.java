package io.camelpcluster.pcluster.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.pcluster.api.SafeYaml;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterTagsTest {

  private static Map<String, String> numbered(int count, String prefix) {
    return IntStream.range(0, count)
        .boxed()
        .collect(Collectors.toMap(i -> prefix + i, i -> "v", (a, b) -> a, LinkedHashMap::new));
  }

  private static ObjectNode applied(String yaml, ClusterTags tags) {
    ObjectNode tree = SafeYaml.parseMapping(yaml);
    tags.applyTo(tree);
    return tree;
  }

  @Test
  void addsTagsInOrderCreatingTheList() {
    ClusterTags tags =
        ClusterTags.of(Map.of("owner", "ann"))
            .with("workflow", "wf-1")
            .with("expiry", "2030-01-01");
    ObjectNode tree = applied("Image:\n  Os: alinux2023\n", tags);
    assertThat(tree)
        .isEqualTo(
            SafeYaml.parseMapping(
                """
                Image:
                  Os: alinux2023
                Tags:
                  - Key: owner
                    Value: ann
                  - Key: workflow
                    Value: wf-1
                  - Key: expiry
                    Value: "2030-01-01"
                """));
  }

  @Test
  void replacesTheValueOfAnExistingKeyAndKeepsOtherTemplateTags() {
    ObjectNode tree =
        applied(
            "Tags:\n  - Key: team\n    Value: hpc\n  - Key: owner\n    Value: template\n",
            ClusterTags.empty().with("owner", "ann").with("run", "42"));
    assertThat(tree)
        .isEqualTo(
            SafeYaml.parseMapping(
                "Tags:\n  - Key: team\n    Value: hpc\n  - Key: owner\n    Value: ann\n  - Key: run\n    Value: '42'\n"));
  }

  @Test
  void laterValuesWinWhenMerging() {
    ClusterTags merged = ClusterTags.of(Map.of("a", "1")).withAll(ClusterTags.of(Map.of("a", "2")));
    assertThat(merged.asList()).containsExactly(new ClusterTag("a", "2"));
    assertThat(merged).isEqualTo(ClusterTags.empty().with("a", "2"));
    assertThat(merged).hasToString("ClusterTags[a]");
  }

  @Test
  void nothingToDoWithoutTagsAnywhere() {
    ObjectNode tree = applied("Image:\n  Os: alinux2023\n", ClusterTags.empty());
    assertThat(tree.has("Tags")).isFalse();
    assertThat(applied("Tags:\n", ClusterTags.empty()).get("Tags").isNull()).isTrue();
  }

  @Test
  void enforcesKeyAndValueLengthsInCodePoints() {
    assertThat(new ClusterTag("k".repeat(128), "v".repeat(256)).key()).hasSize(128);
    String emojiKey = "😀".repeat(128);
    assertThat(new ClusterTag(emojiKey, "😀".repeat(256)).key()).hasSize(256);
    assertThatThrownBy(() -> new ClusterTag("k".repeat(129), "v"))
        .isInstanceOf(TemplateException.class)
        .hasMessageEndingWith("has 129 characters; the limit is 128");
    assertThatThrownBy(() -> new ClusterTag("k", "v".repeat(257)))
        .hasMessage("the value of tag 'k' has 257 characters; the limit is 256");
    assertThatThrownBy(() -> new ClusterTag("k", "x".repeat(10_240)))
        .hasMessage("the value of tag 'k' has 10240 characters; the limit is 256");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "parallelcluster:version",
        "ParallelCluster:x",
        "aws:cloudformation:stack-name",
        "AWS:x"
      })
  void rejectsReservedPrefixes(String key) {
    assertThatThrownBy(() -> ClusterTags.of(Map.of(key, "v")))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("uses the reserved prefix");
  }

  @Test
  void allowsPrefixesThatOnlyLookReserved() {
    assertThat(ClusterTags.of(Map.of("my-parallelcluster:x", "v", "awsome", "v")).asList())
        .hasSize(2);
  }

  @Test
  void rejectsEmptyKeysAndMissingValues() {
    assertThatThrownBy(() -> new ClusterTag("", "v")).hasMessage("a tag key cannot be empty");
    assertThatThrownBy(() -> new ClusterTag(null, "v")).hasMessage("a tag key cannot be empty");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("owner", null);
    assertThatThrownBy(() -> ClusterTags.of(nullValue)).hasMessage("tag 'owner' has no value");
    assertThat(new ClusterTag("empty", "").value()).isEmpty();
  }

  @Test
  void atMostFortyTags() {
    assertThat(ClusterTags.of(numbered(40, "t")).asList()).hasSize(40);
    assertThatThrownBy(() -> ClusterTags.of(numbered(41, "t")))
        .isInstanceOf(TemplateException.class)
        .hasMessage("cannot add 41 tags to a cluster; the limit is 40");
    assertThatThrownBy(() -> ClusterTags.of(numbered(40, "t")).with("one-more", "v"))
        .hasMessageContaining("41 tags");
  }

  @Test
  void countsTemplateTagsToo() {
    String template =
        numbered(30, "template-").keySet().stream()
            .map(k -> "  - Key: " + k + "\n    Value: v\n")
            .collect(Collectors.joining("", "Tags:\n", ""));
    assertThatThrownBy(() -> applied(template, ClusterTags.of(numbered(11, "run-"))))
        .isInstanceOf(TemplateException.class)
        .hasMessage("the configuration would have 41 cluster tags; the limit is 40");
    assertThat(applied(template, ClusterTags.of(numbered(10, "run-"))).get("Tags").size())
        .isEqualTo(40);
    assertThat(applied(template, ClusterTags.of(numbered(11, "template-"))).get("Tags").size())
        .as("replacing keys adds nothing")
        .isEqualTo(30);
  }

  @Test
  void countsQueueAndComputeResourceTagsPerComputeResource() {
    String template =
        """
        Scheduling:
          SlurmQueues:
            - Name: batch
              Tags:
                - Key: queue-tag
                  Value: q
                - Key: shared
                  Value: q
              ComputeResources:
                - Name: small
                  MaxCount: 1
                - Name: tagged
                  Tags:
                    - Key: cr-tag
                      Value: c
        """;
    assertThat(applied(template, ClusterTags.of(numbered(37, "run-"))).get("Tags").size())
        .isEqualTo(37);
    assertThat(
            applied(template, ClusterTags.of(numbered(37, "run-")).with("shared", "cluster"))
                .get("Tags")
                .size())
        .as("a key set at several levels counts once")
        .isEqualTo(38);
    assertThatThrownBy(() -> applied(template, ClusterTags.of(numbered(38, "run-"))))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "compute resource 'Scheduling.SlurmQueues[batch].ComputeResources[tagged]' would carry 41 tags"
                + " (cluster, queue and compute-resource tags combined); the limit is 40");
  }

  @Test
  void rejectsMalformedTemplateTags() {
    assertThatThrownBy(() -> applied("Tags:\n  owner: ann\n", ClusterTags.empty().with("a", "b")))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "Tags must be a list of Key/Value mappings, but the configuration has a mapping");
    assertThatThrownBy(() -> applied("Tags:\n  - owner\n", ClusterTags.empty()))
        .hasMessage("tag 'Tags[0]' must be a mapping with a text Key and a text Value");
    assertThatThrownBy(() -> applied("Tags:\n  - Key: n\n    Value: 3\n", ClusterTags.empty()))
        .hasMessage("tag 'Tags[0]' must be a mapping with a text Key and a text Value");
    assertThatThrownBy(
            () ->
                applied(
                    "Tags:\n  - Key: a\n    Value: x\n  - Key: a\n    Value: y\n",
                    ClusterTags.empty()))
        .hasMessage("tag key 'a' appears twice in 'Tags'");
    assertThatThrownBy(
            () ->
                applied("Tags:\n  - Key: 'parallelcluster:x'\n    Value: y\n", ClusterTags.empty()))
        .hasMessage(
            "tag 'Tags[0]' is invalid: tag key 'parallelcluster:x' uses the reserved prefix parallelcluster:");
  }

  @Test
  void hostileValuesAreCarriedVerbatim() {
    Map<String, String> hostile = new LinkedHashMap<>();
    hostile.put("newline", "line1\nline2\n- Key: injected\n  Value: x");
    hostile.put("quotes", "it's \"quoted\" `cmd` $(rm -rf /)");
    hostile.put("unicode", "Ünïcödé 日本語 😀 \u202Eevil");
    hostile.put("yaml", "&anchor *alias !!python/object {a: b} [c] --- ... # comment");
    hostile.put("key: with colon", "Value: forged");
    ObjectNode tree = applied("Image:\n  Os: alinux2023\n", ClusterTags.of(hostile));
    ObjectNode readBack = SafeYaml.parseMapping(SafeYaml.write(tree));
    assertThat(readBack).isEqualTo(tree);
    assertThat(readBack.get("Tags").size()).isEqualTo(5);
    for (int i = 0; i < 5; i++) {
      String key = readBack.at("/Tags/" + i + "/Key").asText();
      assertThat(readBack.at("/Tags/" + i + "/Value").asText()).isEqualTo(hostile.get(key));
    }
  }
}
