package io.camelpcluster.pcluster.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.pcluster.api.model.ClusterStatus;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterEventFilterTest {

  @Test
  void parsesTheConsumerOptions() {
    ClusterEventFilter filter =
        ClusterEventFilter.parse(
            " demo- ",
            Map.of("team", "hpc", "cost-center", "42"),
            "create_complete, DELETE_COMPLETE");

    assertThat(filter.namePrefix()).isEqualTo("demo-");
    assertThat(filter.tags())
        .containsOnly(Map.entry("team", "hpc"), Map.entry("cost-center", "42"));
    assertThat(filter.statuses())
        .containsExactlyInAnyOrder(ClusterStatus.CREATE_COMPLETE, ClusterStatus.DELETE_COMPLETE);
    assertThat(filter.needsTags()).isTrue();
  }

  @Test
  void emptyOptionsMatchEverything() {
    ClusterEventFilter filter = ClusterEventFilter.parse(null, null, "");

    assertThat(filter).isEqualTo(ClusterEventFilter.all());
    assertThat(filter.matchesName("anything")).isTrue();
    assertThat(filter.matchesTags(Map.of())).isTrue();
    assertThat(filter.matchesStatus(ClusterStatus.DELETE_COMPLETE)).isTrue();
    assertThat(filter.needsTags()).isFalse();
  }

  @Test
  void matchesPrefixTagsAndStatuses() {
    ClusterEventFilter filter =
        new ClusterEventFilter(
            "hpc-", Map.of("team", "a", "env", "prod"), Set.of(ClusterStatus.CREATE_COMPLETE));

    assertThat(filter.matchesName("hpc-1")).isTrue();
    assertThat(filter.matchesName("HPC-1")).isFalse();
    assertThat(filter.matchesName("web-1")).isFalse();
    assertThat(filter.matchesTags(Map.of("team", "a", "env", "prod", "x", "y"))).isTrue();
    assertThat(filter.matchesTags(Map.of("team", "a"))).isFalse();
    assertThat(filter.matchesTags(Map.of("team", "a", "env", "dev"))).isFalse();
    assertThat(filter.matchesStatus(ClusterStatus.CREATE_COMPLETE)).isTrue();
    assertThat(filter.matchesStatus(ClusterStatus.DELETE_COMPLETE)).isFalse();
  }

  @Test
  void unicodeTagTextIsAllowed() {
    assertThat(ClusterEventFilter.parse(null, Map.of("équipe", "calcul intensif"), null).tags())
        .containsEntry("équipe", "calcul intensif");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1demo", "demo_", "de\nmo", "demo;ls", "$(id)", "dé"})
  void refusesPrefixesNoClusterNameCanHave(String prefix) {
    assertThatThrownBy(() -> ClusterEventFilter.parse(prefix, Map.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("clusterNamePrefix must start with a letter");
  }

  @Test
  void refusesTagsAwsWouldRefuse() {
    assertThatThrownBy(() -> ClusterEventFilter.parse(null, Map.of("", "x"), null))
        .hasMessage("a tag key in clusterTags must hold 1 to 128 characters, got \"\"");
    assertThatThrownBy(() -> ClusterEventFilter.parse(null, Map.of("k", "v".repeat(10_000)), null))
        .hasMessageStartingWith("the value of tag \"k\" must hold at most 256 characters")
        .hasMessageEndingWith("... (10000 characters)");
    Map<String, String> many = new java.util.HashMap<>();
    for (int i = 0; i < 51; i++) {
      many.put("k" + i, "v");
    }
    assertThatThrownBy(() -> ClusterEventFilter.parse(null, many, null))
        .hasMessage("clusterTags holds at most 50 tags, got 51");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "team=a\nb",
        "team=$(rm -rf /)",
        "team=`id`",
        "team='x'",
        "team=\"x\"",
        "team=&anchor",
        "team=*alias",
        "team=!!python/object",
        "key\u0000=x",
        "team=a;b"
      })
  void refusesTagTextOutsideWhatAwsAllows(String tag) {
    int equals = tag.indexOf('=');
    Map<String, String> tags = Map.of(tag.substring(0, equals), tag.substring(equals + 1));
    assertThatThrownBy(() -> ClusterEventFilter.parse(null, tags, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tags hold letters, digits, spaces and _ . : / = + - @ only, got")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("\u0000");
  }

  @Test
  void refusesUnknownStatuses() {
    assertThatThrownBy(() -> ClusterEventFilter.parse(null, null, "CREATE_COMPLETE,RUNNING"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "clusterStatusFilter must list cluster statuses (CREATE_IN_PROGRESS")
        .hasMessageEndingWith("got \"RUNNING\"");
    assertThatThrownBy(() -> ClusterEventFilter.parse(null, null, "UNKNOWN_TO_CLIENT"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
