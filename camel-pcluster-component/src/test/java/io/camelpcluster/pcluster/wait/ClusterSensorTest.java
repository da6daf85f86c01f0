package io.camelpcluster.pcluster.wait;

import static io.camelpcluster.pcluster.wait.ClusterEventType.CREATED;
import static io.camelpcluster.pcluster.wait.ClusterEventType.DELETED;
import static io.camelpcluster.pcluster.wait.ClusterEventType.STATUS_CHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camelpcluster.pcluster.api.model.CloudFormationStackStatus;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ClusterSensorTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final Function<String, Map<String, String>> NO_TAGS = name -> Map.of();

  static ClusterInfoSummary cluster(String name, ClusterStatus status) {
    return new ClusterInfoSummary(
        name,
        "eu-west-1",
        "3.12.0",
        "arn:stack/" + name,
        CloudFormationStackStatus.valueOf(status.name()),
        status,
        null);
  }

  private static ClusterSensor sensor(ClusterEventFilter filter, boolean emitInitialState) {
    return new ClusterSensor(filter, emitInitialState, event -> {}, 0, 1);
  }

  @Test
  void reportsCreationsStatusChangesAndDeletions() {
    ClusterSensor sensor = sensor(ClusterEventFilter.all(), true);

    assertThat(
            sensor.observe(
                List.of(cluster("a-1", ClusterStatus.CREATE_COMPLETE)), NO_TAGS, null, NOW))
        .extracting(ClusterEvent::type, ClusterEvent::clusterName, ClusterEvent::previousStatus)
        .containsExactly(tuple(CREATED, "a-1", null));
    List<ClusterEvent> second =
        sensor.observe(
            List.of(
                cluster("a-1", ClusterStatus.UPDATE_IN_PROGRESS),
                cluster("b-1", ClusterStatus.CREATE_IN_PROGRESS)),
            NO_TAGS,
            null,
            NOW);
    assertThat(second)
        .extracting(
            ClusterEvent::type,
            ClusterEvent::clusterName,
            ClusterEvent::previousStatus,
            ClusterEvent::status)
        .containsExactly(
            tuple(
                STATUS_CHANGED,
                "a-1",
                ClusterStatus.CREATE_COMPLETE,
                ClusterStatus.UPDATE_IN_PROGRESS),
            tuple(CREATED, "b-1", null, ClusterStatus.CREATE_IN_PROGRESS));
    assertThat(second.get(0).region()).isEqualTo("eu-west-1");
    assertThat(second.get(0).observedAt()).isEqualTo(NOW);

    assertThat(
            sensor.observe(
                List.of(cluster("b-1", ClusterStatus.CREATE_IN_PROGRESS)), NO_TAGS, null, NOW))
        .as("missing from one walk only")
        .isEmpty();
    List<ClusterEvent> third =
        sensor.observe(
            List.of(cluster("b-1", ClusterStatus.CREATE_IN_PROGRESS)), NO_TAGS, null, NOW);
    assertThat(third)
        .extracting(ClusterEvent::type, ClusterEvent::previousStatus, ClusterEvent::status)
        .containsExactly(
            tuple(DELETED, ClusterStatus.UPDATE_IN_PROGRESS, ClusterStatus.DELETE_COMPLETE));
    assertThat(third.get(0).cluster().clusterStatus()).isEqualTo(ClusterStatus.UPDATE_IN_PROGRESS);
  }

  @Test
  void withoutInitialStateOnlyLaterClustersAreCreated() {
    ClusterSensor sensor = sensor(ClusterEventFilter.all(), false);

    assertThat(
            sensor.observe(
                List.of(cluster("old-1", ClusterStatus.CREATE_COMPLETE)), NO_TAGS, null, NOW))
        .isEmpty();
    assertThat(
            sensor.observe(
                List.of(
                    cluster("old-1", ClusterStatus.CREATE_COMPLETE),
                    cluster("new-1", ClusterStatus.CREATE_IN_PROGRESS)),
                NO_TAGS,
                null,
                NOW))
        .extracting(ClusterEvent::type, ClusterEvent::clusterName)
        .containsExactly(tuple(CREATED, "new-1"));
  }

  @Test
  void aStackStatusChangeAloneIsNoEvent() {
    ClusterSensor sensor = sensor(ClusterEventFilter.all(), true);
    sensor.observe(List.of(cluster("a-1", ClusterStatus.CREATE_FAILED)), NO_TAGS, null, NOW);
    ClusterInfoSummary rolledBack =
        new ClusterInfoSummary(
            "a-1",
            "eu-west-1",
            "3.12.0",
            "arn",
            CloudFormationStackStatus.ROLLBACK_COMPLETE,
            ClusterStatus.CREATE_FAILED,
            null);

    assertThat(sensor.observe(List.of(rolledBack), NO_TAGS, null, NOW)).isEmpty();
  }

  @Test
  void filtersByPrefixTagsAndNewStatus() {
    ClusterEventFilter filter =
        new ClusterEventFilter(
            "hpc-",
            Map.of("team", "a"),
            Set.of(ClusterStatus.CREATE_COMPLETE, ClusterStatus.DELETE_COMPLETE));
    Map<String, Map<String, String>> tags =
        Map.of("hpc-1", Map.of("team", "a"), "hpc-2", Map.of("team", "b"));
    ClusterSensor sensor = sensor(filter, true);

    assertThat(
            sensor.observe(
                List.of(
                    cluster("hpc-1", ClusterStatus.CREATE_IN_PROGRESS),
                    cluster("hpc-2", ClusterStatus.CREATE_COMPLETE),
                    cluster("web-1", ClusterStatus.CREATE_COMPLETE),
                    cluster("hpc-3", ClusterStatus.CREATE_COMPLETE)),
                tags::get,
                null,
                NOW))
        .isEmpty();
    assertThat(
            sensor.observe(
                List.of(cluster("hpc-1", ClusterStatus.CREATE_COMPLETE)), tags::get, null, NOW))
        .extracting(ClusterEvent::type, ClusterEvent::clusterName)
        .containsExactly(tuple(STATUS_CHANGED, "hpc-1"));
    assertThat(sensor.observe(List.of(), tags::get, null, NOW)).isEmpty();
    assertThat(sensor.observe(List.of(), tags::get, null, NOW))
        .extracting(ClusterEvent::type, ClusterEvent::clusterName)
        .containsExactly(tuple(DELETED, "hpc-1"));
  }

  @Test
  void aClusterWhoseTagsAreUnknownWaitsForALaterRound() {
    ClusterSensor sensor = sensor(new ClusterEventFilter("", Map.of("team", "a"), Set.of()), true);

    assertThat(
            sensor.observe(
                List.of(cluster("a-1", ClusterStatus.CREATE_COMPLETE)), name -> null, null, NOW))
        .isEmpty();
    assertThat(
            sensor.observe(
                List.of(cluster("a-1", ClusterStatus.CREATE_COMPLETE)),
                name -> Map.of("team", "a"),
                null,
                NOW))
        .extracting(ClusterEvent::type)
        .containsExactly(CREATED);
  }

  @Test
  void aClusterSkippedByOneWalkIsNotDeleted() {
    ClusterSensor sensor = sensor(ClusterEventFilter.all(), true);
    List<ClusterInfoSummary> both =
        List.of(
            cluster("a-1", ClusterStatus.CREATE_COMPLETE),
            cluster("b-1", ClusterStatus.CREATE_COMPLETE));
    sensor.observe(both, NO_TAGS, null, NOW);

    assertThat(
            sensor.observe(
                List.of(cluster("a-1", ClusterStatus.CREATE_COMPLETE)), NO_TAGS, null, NOW))
        .isEmpty();
    assertThat(sensor.observe(both, NO_TAGS, null, NOW)).isEmpty();
    assertThat(
            sensor.observe(
                List.of(cluster("a-1", ClusterStatus.CREATE_COMPLETE)), NO_TAGS, null, NOW))
        .isEmpty();
  }
}
