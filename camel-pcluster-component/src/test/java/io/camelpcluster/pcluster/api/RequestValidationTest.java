package io.camelpcluster.pcluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.pcluster.api.model.BuildImageRequest;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeImageRequest;
import io.camelpcluster.pcluster.api.model.GetClusterLogEventsRequest;
import io.camelpcluster.pcluster.api.model.ListClusterLogStreamsRequest;
import io.camelpcluster.pcluster.api.model.ListImagesRequest;
import io.camelpcluster.pcluster.api.model.LogEventsQuery;
import io.camelpcluster.pcluster.api.model.UpdateComputeFleetRequest;
import io.camelpcluster.pcluster.api.model.ValidationLevel;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValidationTest {
  private static final String CONFIG = "Image:\n  Os: alinux2023\n";
  private static final String TEN_KB = "a".repeat(10 * 1024);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "1cluster",
        "-cluster",
        "cluster/evil",
        "../../etc/passwd",
        "..",
        "clüster",
        "cluster name",
        "cluster\nname",
        "cluster;rm -rf /",
        "$(reboot)",
        "cluster_1",
        "ｃｌｕｓｔｅｒ",
        "cluster\u200b",
        ""
      })
  void rejectsClusterNamesTheServiceWouldRefuse(String name) {
    assertThatThrownBy(() -> ClusterCalls.describeCluster(DescribeClusterRequest.of(name)))
        .isInstanceOf(ClientValidationException.class)
        .hasMessageStartingWith(
            "DescribeCluster request is invalid: clusterName must start with a letter")
        .satisfies(
            e ->
                assertThat(((ClientValidationException) e).operation())
                    .isEqualTo("DescribeCluster"));
  }

  @Test
  void acceptsNamesUpToTheLimits() {
    ClusterCalls.describeCluster(DescribeClusterRequest.of("a" + "b-1".repeat(19) + "x9"));
    ImageCalls.describeImage(DescribeImageRequest.of("i" + "m".repeat(127)));
    assertThatThrownBy(
            () -> ImageCalls.describeImage(DescribeImageRequest.of("i" + "m".repeat(128))))
        .hasMessageContaining("imageId must be at most 128 characters");
    assertThatThrownBy(
            () -> ClusterCalls.describeCluster(DescribeClusterRequest.of("c" + "x".repeat(60))))
        .hasMessageContaining("clusterName must be at most 60 characters");
  }

  @Test
  void showsHugeOrControlValuesShortenedAndEscaped() {
    assertThatThrownBy(() -> ClusterCalls.describeCluster(DescribeClusterRequest.of(TEN_KB)))
        .hasMessageContaining("(10240 characters)")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    assertThatThrownBy(
            () -> ClusterCalls.describeCluster(DescribeClusterRequest.of("bad\nname\u0000")))
        .hasMessageContaining("'bad\\nname\\u0000'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void listsEveryProblemOfARequest() {
    CreateClusterRequest request =
        CreateClusterRequest.builder()
            .clusterName("bad/name")
            .clusterConfiguration("- just\n- a list\n")
            .region("eu-west-1&x=1")
            .suppressValidator("NONE")
            .validationFailureLevel(ValidationLevel.UNKNOWN_TO_CLIENT)
            .build();
    assertThatThrownBy(() -> ClusterCalls.createCluster(request, false))
        .isInstanceOfSatisfying(
            ClientValidationException.class,
            e -> {
              assertThat(e.problems()).hasSize(5);
              assertThat(e.getMessage())
                  .startsWith("CreateCluster request is invalid:\n  - clusterName")
                  .contains("clusterConfiguration: configuration must be a YAML mapping")
                  .contains("region must be an AWS region code")
                  .contains(
                      "suppressValidators items must be ALL or type:<ValidatorName>, got 'NONE'")
                  .contains("validationFailureLevel cannot be UNKNOWN_TO_CLIENT");
              assertThat(e.getCause()).isInstanceOf(InvalidConfigurationException.class);
            });
  }

  @Test
  void configurationsMustBeSafeYamlMappings() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    for (String config :
        new String[] {
          bomb.toString(),
          "a: " + "[".repeat(500) + "]".repeat(500),
          "",
          "  ",
          "key: [unclosed",
          "x: 1\nx: 2\n",
          "!!python/object/apply:os.system ['id']"
        }) {
      assertThatThrownBy(
              () -> ClusterCalls.createCluster(CreateClusterRequest.of("hpc-1", config), false))
          .as(config.length() > 40 ? config.substring(0, 40) : config)
          .isInstanceOf(ClientValidationException.class)
          .hasMessageContaining("clusterConfiguration: ");
    }
    assertThatThrownBy(() -> ImageCalls.buildImage(BuildImageRequest.of("img-1", null), false))
        .hasMessageContaining("imageConfiguration is required");
    assertThatThrownBy(
            () -> ClusterCalls.createCluster(CreateClusterRequest.of(null, CONFIG), false))
        .hasMessageContaining("clusterName is required");
  }

  @Test
  void checksTheOtherParameters() {
    assertThatThrownBy(
            () -> ClusterCalls.updateComputeFleet(UpdateComputeFleetRequest.of("hpc-1", null)))
        .hasMessageContaining("status is required");
    assertThatThrownBy(() -> ImageCalls.listImages(ListImagesRequest.of(null)))
        .hasMessageContaining("imageStatus is required");
    assertThatThrownBy(
            () -> ClusterCalls.getClusterLogEvents(GetClusterLogEventsRequest.of("hpc-1", "")))
        .hasMessageContaining("logStreamName is required");
    assertThatThrownBy(
            () ->
                ClusterCalls.getClusterLogEvents(
                    GetClusterLogEventsRequest.of("hpc-1", "s")
                        .withQuery(
                            LogEventsQuery.defaults()
                                .withLimit(0)
                                .withTimeRange(
                                    Instant.parse("2021-01-02T00:00:00Z"),
                                    Instant.parse("2021-01-01T00:00:00Z")))))
        .hasMessageContaining("limit must be a positive integer")
        .hasMessageContaining("startTime must be earlier than endTime");
    assertThatThrownBy(
            () -> ClusterCalls.getClusterLogEvents(GetClusterLogEventsRequest.of("hpc-1", TEN_KB)))
        .hasMessageContaining("logStreamName must be at most 512 characters");
    assertThatThrownBy(
            () ->
                ClusterCalls.listClusterLogStreams(
                    ListClusterLogStreamsRequest.of("hpc-1")
                        .withFilters("Name=node-type,Values=HeadNode Name=x")))
        .hasMessageContaining("filters items must look like");
  }
}
