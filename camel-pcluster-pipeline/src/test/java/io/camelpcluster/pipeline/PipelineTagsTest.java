package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.Tag;
import io.camelpcluster.pcluster.template.ClusterTags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineTagsTest {

  private static final Instant EXPIRES = Instant.parse("2026-11-25T20:00:00Z");
  private static final InputObject INPUT = new InputObject("inputs", "in/a.txt", "etag");

  @Test
  void buildsEveryTag() {
    Map<String, String> tags =
        PipelineTags.of("team-hpc", "demo", "inst-1", "run-1", INPUT, EXPIRES).toMap();
    assertThat(tags)
        .containsExactly(
            entry("camel-pcluster:owner", "team-hpc"),
            entry("camel-pcluster:pipeline", "demo"),
            entry("camel-pcluster:instance", "inst-1"),
            entry("camel-pcluster:run", "run-1"),
            entry("camel-pcluster:input", "inputs/in/a.txt"),
            entry("camel-pcluster:input-hash", INPUT.idempotencyKey()),
            entry("camel-pcluster:expires", "2026-11-25T20:00:00Z"));
  }

  @Test
  void leavesOutABlankOwner() {
    assertThat(PipelineTags.of(" ", "demo", "i", "r", INPUT, EXPIRES).toMap())
        .doesNotContainKey(PipelineTags.OWNER)
        .containsKey(PipelineTags.PIPELINE);
    assertThat(PipelineTags.of(null, "demo", "i", "r", INPUT, EXPIRES).toMap())
        .doesNotContainKey(PipelineTags.OWNER);
  }

  @Test
  void hostileValuesAreMadeSafeForTags() {
    String key = "line\nbreak\r\u0000\u001b[0m\u202e/Größe 数据 $(x);'q'" + "🎉".repeat(400);
    Map<String, String> tags =
        PipelineTags.of("own\ter <x>", "demo", "i", "r", new InputObject("b", key, "e"), EXPIRES)
            .toMap();
    String input = tags.get(PipelineTags.INPUT);
    assertThat(input).startsWith("b/linebreak_0m/Größe 数据 __x___q_____");
    assertThat(input.codePointCount(0, input.length())).isEqualTo(256);
    assertThat(tags.get(PipelineTags.OWNER)).isEqualTo("owner _x_");
    assertThat(tags.values())
        .allSatisfy(v -> assertThat(v).matches("[\\p{L}\\p{Zs}\\p{N}_.:/=+\\-@]{1,256}"));
    // the component accepts them as cluster tags
    assertThat(ClusterTags.of(tags).asList()).hasSize(7);
  }

  @Test
  void valuesAreCutToTheLimitInCodePoints() {
    String key = "k/" + "数".repeat(300);
    String input =
        PipelineTags.of(null, "demo", "i", "r", new InputObject("b", key, "e"), EXPIRES)
            .toMap()
            .get(PipelineTags.INPUT);
    assertThat(input).isEqualTo("b/k/" + "数".repeat(252));
  }

  @Test
  void readsTheTagsBackFromACluster() {
    PipelineTags built = PipelineTags.of("o", "demo", "inst-1", "run-1", INPUT, EXPIRES);
    List<Tag> tags = new ArrayList<>();
    built.toMap().forEach((k, v) -> tags.add(new Tag(k, v)));
    tags.add(new Tag("other", "x"));
    tags.add(new Tag("parallelcluster:version", "3.12.0"));
    assertThat(PipelineTags.from(describe(tags))).contains(built);
  }

  @Test
  void aClusterWithoutThePipelineTagIsNotOurs() {
    assertThat(PipelineTags.from(describe(List.of(new Tag("camel-pcluster:run", "r"))))).isEmpty();
    assertThat(PipelineTags.from(describe(List.of()))).isEmpty();
    assertThat(PipelineTags.from(describe(null))).isEmpty();
  }

  @Test
  void missingOrDamagedTagsReadAsNullAndCountAsExpired() {
    List<Tag> tags =
        List.of(new Tag(PipelineTags.PIPELINE, "demo"), new Tag(PipelineTags.EXPIRES, "soon"));
    PipelineTags read = PipelineTags.from(describe(tags)).orElseThrow();
    assertThat(read.instanceId()).isNull();
    assertThat(read.runId()).isNull();
    assertThat(read.expires()).isNull();
    assertThat(read.isExpired(Instant.EPOCH)).isTrue();
  }

  @Test
  void expiresAtTheInstant() {
    PipelineTags tags = PipelineTags.of(null, "demo", "i", "r", INPUT, EXPIRES);
    assertThat(tags.isExpired(EXPIRES.minusSeconds(1))).isFalse();
    assertThat(tags.isExpired(EXPIRES)).isTrue();
    assertThat(tags.isExpired(EXPIRES.plusSeconds(1))).isTrue();
  }

  private static DescribeClusterResponse describe(List<Tag> tags) {
    return new DescribeClusterResponse(
        "pl-x-12345678",
        "eu-west-1",
        "3.12.0",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        tags,
        null,
        null,
        null);
  }
}
