package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.pcluster.api.BadRequestException;
import io.camelpcluster.pcluster.api.ConflictException;
import io.camelpcluster.pcluster.api.model.AmiInfo;
import io.camelpcluster.pcluster.api.model.BuildImageRequest;
import io.camelpcluster.pcluster.api.model.BuildImageResponse;
import io.camelpcluster.pcluster.api.model.DescribeImageResponse;
import io.camelpcluster.pcluster.api.model.DryRunResult;
import io.camelpcluster.pcluster.api.model.ImageBuildStatus;
import io.camelpcluster.pcluster.api.model.ImageInfoSummary;
import io.camelpcluster.pcluster.api.model.ListImagesResponse;
import io.camelpcluster.pcluster.api.model.ListOfficialImagesResponse;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class ImageOperationsTest extends PclusterTestSupport {

  @Test
  void buildImageWaitsForTheAmi() {
    String imageId = uniqueName("img");

    Exchange exchange =
        send(
            "pcluster:buildImage?waitForCompletion=true&imageId=" + imageId,
            ClusterYaml.image(),
            Map.of());

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody()).isInstanceOf(BuildImageResponse.class);
    assertThat(exchange.getMessage().getHeaders())
        .containsEntry(PclusterConstants.IMAGE_ID, imageId)
        .containsEntry(PclusterConstants.IMAGE_BUILD_STATUS, ImageBuildStatus.BUILD_COMPLETE);
    assertThat((String) exchange.getMessage().getHeader(PclusterConstants.AMI_ID))
        .startsWith("ami-");
  }

  @Test
  void buildImageWithoutWaitingAndAgainIsAConflict() {
    String imageId = uniqueName("twice");
    BuildImageRequest request = BuildImageRequest.of(imageId, ClusterYaml.image());

    Exchange first = send("pcluster:buildImage?pojoRequest=true", request, Map.of());
    Exchange second = send("pcluster:buildImage?pojoRequest=true", request, Map.of());

    assertThat(first.getMessage().getHeader(PclusterConstants.IMAGE_BUILD_STATUS))
        .isEqualTo(ImageBuildStatus.BUILD_IN_PROGRESS);
    assertThat(second.getException()).isInstanceOf(ConflictException.class);
  }

  @Test
  void buildImageDryRunAndValidationFailure() {
    Exchange dry =
        send(
            "pcluster:buildImage?dryrun=true",
            ClusterYaml.image(),
            Map.of(PclusterConstants.IMAGE_ID, uniqueName("dry")));
    Exchange invalid =
        send(
            "pcluster:buildImage",
            null,
            Map.of(
                PclusterConstants.IMAGE_ID,
                uniqueName("invalid"),
                PclusterConstants.IMAGE_CONFIGURATION,
                "Build:\n  InstanceType: c5.xlarge\n"));

    assertThat(dry.getMessage().getBody()).isInstanceOf(DryRunResult.class);
    assertThat(invalid.getException())
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Invalid image configuration");
  }

  @Test
  void describeListAndDeleteAnImage() {
    String imageId = uniqueName("life");
    assertThat(
            send(
                    "pcluster:buildImage?waitForCompletion=true&imageId=" + imageId,
                    ClusterYaml.image(),
                    Map.of())
                .getException())
        .isNull();

    Exchange described = send("pcluster:describeImage?imageId=" + imageId, null, Map.of());
    Exchange available =
        send("pcluster:listImages?imageStatus=AVAILABLE&allPages=true", null, Map.of());
    Exchange deleted =
        send(
            "pcluster:deleteImage?waitForCompletion=true",
            null,
            Map.of(PclusterConstants.IMAGE_ID, imageId, PclusterConstants.FORCE, true));
    Exchange afterwards =
        send("pcluster:listImages", null, Map.of(PclusterConstants.IMAGE_STATUS, "AVAILABLE"));

    assertThat(described.getMessage().getBody(DescribeImageResponse.class).imageBuildStatus())
        .isEqualTo(ImageBuildStatus.BUILD_COMPLETE);
    @SuppressWarnings("unchecked")
    List<ImageInfoSummary> images = available.getMessage().getBody(List.class);
    assertThat(images).extracting(ImageInfoSummary::imageId).contains(imageId);
    assertThat(deleted.getException()).isNull();
    assertThat(deleted.getMessage().getHeader(PclusterConstants.IMAGE_BUILD_STATUS))
        .isEqualTo(ImageBuildStatus.DELETE_COMPLETE);
    assertThat(afterwards.getMessage().getBody(ListImagesResponse.class).images())
        .extracting(ImageInfoSummary::imageId)
        .doesNotContain(imageId);
  }

  @Test
  void listImagesNeedsAStatus() {
    Exchange exchange = send("pcluster:listImages", null, Map.of());

    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AVAILABLE, PENDING or FAILED");
  }

  @Test
  void officialImagesFilteredByOsAndArchitecture() {
    Exchange exchange =
        send("pcluster:listOfficialImages?os=alinux2023&architecture=arm64", null, Map.of());

    List<AmiInfo> images = exchange.getMessage().getBody(ListOfficialImagesResponse.class).images();
    assertThat(images)
        .isNotEmpty()
        .allSatisfy(
            image -> {
              assertThat(image.os()).isEqualTo("alinux2023");
              assertThat(image.architecture()).isEqualTo("arm64");
            });
  }
}
