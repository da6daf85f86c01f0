package io.camelpcluster.pcluster.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.pcluster.api.model.ImageBuildStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageTargetTest {

  @ParameterizedTest
  @CsvSource({
    "BUILT, BUILD_IN_PROGRESS, WAITING",
    "BUILT, BUILD_COMPLETE, REACHED",
    "BUILT, BUILD_FAILED, FAILED",
    "BUILT, DELETE_IN_PROGRESS, FAILED",
    "BUILT, UNKNOWN_TO_CLIENT, WAITING",
    "DELETED, BUILD_COMPLETE, WAITING",
    "DELETED, BUILD_FAILED, WAITING",
    "DELETED, DELETE_IN_PROGRESS, WAITING",
    "DELETED, DELETE_FAILED, FAILED",
    "BUILD_FAILED, BUILD_FAILED, REACHED",
    "BUILD_FAILED, BUILD_IN_PROGRESS, WAITING",
    "BUILD_FAILED, DELETE_IN_PROGRESS, FAILED",
  })
  void judgesStatuses(String target, ImageBuildStatus seen, Outcome expected) {
    assertThat(ImageTarget.parse(target.equals("BUILT") ? "BUILD_COMPLETE" : target).judge(seen))
        .isEqualTo(expected);
  }

  @Test
  void beingGoneReachesOnlyTheDeletion() {
    assertThat(ImageTarget.deleted().judge(null)).isEqualTo(Outcome.REACHED);
    assertThat(ImageTarget.built().judge(null)).isEqualTo(Outcome.FAILED);
    assertThat(ImageTarget.status(ImageBuildStatus.DELETE_COMPLETE))
        .isSameAs(ImageTarget.deleted());
    assertThat(ImageTarget.status(ImageBuildStatus.BUILD_COMPLETE)).isSameAs(ImageTarget.built());
  }

  @Test
  void refusesUnknownTargets() {
    assertThatThrownBy(() -> ImageTarget.parse("AVAILABLE\r\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "targetStatus must be DELETED or an image build status (BUILD_IN_PROGRESS,"
                + " BUILD_FAILED, BUILD_COMPLETE, DELETE_IN_PROGRESS, DELETE_FAILED,"
                + " DELETE_COMPLETE), got \"AVAILABLE\\r\\n\"");
    assertThatThrownBy(() -> ImageTarget.status(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
