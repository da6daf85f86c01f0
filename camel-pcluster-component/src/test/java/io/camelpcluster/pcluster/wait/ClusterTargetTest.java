package io.camelpcluster.pcluster.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.pcluster.api.model.CloudFormationStackStatus;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterTargetTest {

  static ClusterInfoSummary cluster(String status, String stack) {
    return new ClusterInfoSummary(
        "demo-1",
        "eu-west-1",
        "3.12.0",
        "arn:aws:cloudformation:eu-west-1:123456789012:stack/demo-1/x",
        CloudFormationStackStatus.valueOf(stack),
        ClusterStatus.valueOf(status),
        null);
  }

  @ParameterizedTest
  @CsvSource({
    "CREATE_IN_PROGRESS, CREATE_IN_PROGRESS, WAITING",
    "CREATE_COMPLETE, CREATE_COMPLETE, REACHED",
    "UPDATE_COMPLETE, UPDATE_COMPLETE, REACHED",
    "CREATE_FAILED, CREATE_FAILED, FAILED",
    "CREATE_FAILED, ROLLBACK_IN_PROGRESS, FAILED",
    "CREATE_FAILED, ROLLBACK_COMPLETE, FAILED",
    "DELETE_IN_PROGRESS, DELETE_IN_PROGRESS, FAILED",
    "DELETE_FAILED, DELETE_FAILED, FAILED",
    "UNKNOWN_TO_CLIENT, UNKNOWN_TO_CLIENT, WAITING",
  })
  void created(String status, String stack, Outcome expected) {
    assertThat(ClusterTarget.created().judge(cluster(status, stack))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "CREATE_COMPLETE, CREATE_COMPLETE, WAITING",
    "UPDATE_IN_PROGRESS, UPDATE_IN_PROGRESS, WAITING",
    "UPDATE_IN_PROGRESS, UPDATE_COMPLETE_CLEANUP_IN_PROGRESS, WAITING",
    "UPDATE_IN_PROGRESS, UPDATE_ROLLBACK_IN_PROGRESS, FAILED",
    "UPDATE_IN_PROGRESS, UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS, FAILED",
    "UPDATE_FAILED, UPDATE_ROLLBACK_COMPLETE, FAILED",
    "UPDATE_FAILED, UPDATE_ROLLBACK_FAILED, FAILED",
    "UPDATE_COMPLETE, UPDATE_COMPLETE, REACHED",
    "DELETE_IN_PROGRESS, DELETE_IN_PROGRESS, FAILED",
  })
  void updated(String status, String stack, Outcome expected) {
    assertThat(ClusterTarget.updated().judge(cluster(status, stack))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "CREATE_FAILED, ROLLBACK_COMPLETE, WAITING",
    "CREATE_COMPLETE, CREATE_COMPLETE, WAITING",
    "DELETE_IN_PROGRESS, DELETE_IN_PROGRESS, WAITING",
    "DELETE_FAILED, DELETE_FAILED, FAILED",
  })
  void deleted(String status, String stack, Outcome expected) {
    assertThat(ClusterTarget.deleted().judge(cluster(status, stack))).isEqualTo(expected);
  }

  @Test
  void beingGoneReachesOnlyTheDeletion() {
    assertThat(ClusterTarget.deleted().judge(null)).isEqualTo(Outcome.REACHED);
    assertThat(ClusterTarget.deleted().isReachedWhenGone()).isTrue();
    assertThat(ClusterTarget.created().judge(null)).isEqualTo(Outcome.FAILED);
    assertThat(ClusterTarget.updated().judge(null)).isEqualTo(Outcome.FAILED);
    assertThat(ClusterTarget.status(ClusterStatus.DELETE_FAILED).judge(null))
        .isEqualTo(Outcome.FAILED);
  }

  @Test
  void aGivenStatusFailsOnOtherFailuresAndOnDeletion() {
    ClusterTarget failed = ClusterTarget.status(ClusterStatus.CREATE_FAILED);
    assertThat(failed.judge(cluster("CREATE_FAILED", "ROLLBACK_COMPLETE")))
        .isEqualTo(Outcome.REACHED);
    assertThat(failed.judge(cluster("CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS")))
        .isEqualTo(Outcome.WAITING);
    assertThat(failed.judge(cluster("DELETE_IN_PROGRESS", "DELETE_IN_PROGRESS")))
        .isEqualTo(Outcome.FAILED);

    ClusterTarget deleting = ClusterTarget.status(ClusterStatus.DELETE_IN_PROGRESS);
    assertThat(deleting.judge(cluster("DELETE_IN_PROGRESS", "DELETE_IN_PROGRESS")))
        .isEqualTo(Outcome.REACHED);
    assertThat(deleting.judge(cluster("CREATE_FAILED", "CREATE_FAILED"))).isEqualTo(Outcome.FAILED);
    assertThat(deleting.name()).isEqualTo("DELETE_IN_PROGRESS");
  }

  @Test
  void theCompleteStatusesAreTheNamedTargets() {
    assertThat(ClusterTarget.status(ClusterStatus.CREATE_COMPLETE))
        .isSameAs(ClusterTarget.created());
    assertThat(ClusterTarget.status(ClusterStatus.UPDATE_COMPLETE))
        .isSameAs(ClusterTarget.updated());
    assertThat(ClusterTarget.status(ClusterStatus.DELETE_COMPLETE))
        .isSameAs(ClusterTarget.deleted());
    assertThat(ClusterTarget.deleted()).hasToString("DELETED");
  }

  @ParameterizedTest
  @CsvSource({
    "DELETED, DELETED",
    "deleted, DELETED",
    "' Delete_Complete ', DELETED",
    "CREATE_COMPLETE, CREATE_COMPLETE",
    "update_failed, UPDATE_FAILED",
  })
  void parsesTargetStatusOptions(String option, String name) {
    assertThat(ClusterTarget.parse(option).name()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "GONE",
        "UNKNOWN_TO_CLIENT",
        "CREATE_COMPLETE; rm -rf /",
        "CREATE_COMPLETE\nDELETED",
        "&anchor *alias !!tag",
        "ÇREATE_COMPLETE"
      })
  void refusesAnythingElseNamingTheAcceptedValues(String option) {
    assertThatThrownBy(() -> ClusterTarget.parse(option))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "targetStatus must be DELETED or a cluster status (CREATE_IN_PROGRESS,")
        .hasMessageNotContaining("UNKNOWN_TO_CLIENT,")
        .hasMessageNotContaining("\n");
  }

  @Test
  void quotesLongInputShortly() {
    assertThatThrownBy(() -> ClusterTarget.parse("X".repeat(10_000)))
        .hasMessageEndingWith("... (10000 characters)");
    assertThatThrownBy(() -> ClusterTarget.parse(null)).hasMessageEndingWith("got null");
    assertThatThrownBy(() -> ClusterTarget.status(ClusterStatus.UNKNOWN_TO_CLIENT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
