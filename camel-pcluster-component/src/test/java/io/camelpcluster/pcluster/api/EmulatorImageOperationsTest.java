package io.camelpcluster.pcluster.api;

import static io.camelpcluster.pcluster.api.EmulatorFixtures.BUILD;
import static io.camelpcluster.pcluster.api.EmulatorFixtures.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.pcluster.api.model.AmiInfo;
import io.camelpcluster.pcluster.api.model.BuildImageRequest;
import io.camelpcluster.pcluster.api.model.BuildImageResponse;
import io.camelpcluster.pcluster.api.model.DeleteImageRequest;
import io.camelpcluster.pcluster.api.model.DescribeImageRequest;
import io.camelpcluster.pcluster.api.model.DescribeImageResponse;
import io.camelpcluster.pcluster.api.model.DryRunResult;
import io.camelpcluster.pcluster.api.model.Ec2AmiState;
import io.camelpcluster.pcluster.api.model.GetImageLogEventsRequest;
import io.camelpcluster.pcluster.api.model.GetImageStackEventsRequest;
import io.camelpcluster.pcluster.api.model.ImageBuildStatus;
import io.camelpcluster.pcluster.api.model.ImageInfoSummary;
import io.camelpcluster.pcluster.api.model.ImageStatusFilteringOption;
import io.camelpcluster.pcluster.api.model.ListImageLogStreamsRequest;
import io.camelpcluster.pcluster.api.model.ListImagesRequest;
import io.camelpcluster.pcluster.api.model.ListOfficialImagesRequest;
import io.camelpcluster.pcluster.api.model.LogEventsQuery;
import io.camelpcluster.pcluster.api.model.LogStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The image operations of the client against the emulator, over signed HTTP. */
class EmulatorImageOperationsTest {
  private final ManualClock clock = ManualClock.now();
  private PclusterEmulator emulator;
  private ParallelClusterClient client;

  @BeforeEach
  void start() {
    emulator = PclusterEmulator.start(EmulatorFixtures.config(clock).build());
    client = EmulatorFixtures.client(emulator, clock).build();
  }

  @AfterEach
  void stop() {
    client.close();
    emulator.close();
  }

  private List<String> ids(ImageStatusFilteringOption status) {
    return client
        .listAllImages(ListImagesRequest.of(status))
        .map(ImageInfoSummary::imageId)
        .toList();
  }

  @Test
  void anImageIsBuiltListedReadAndDeleted() {
    BuildImageResponse build = client.buildImage(BuildImageRequest.of("my-image", image()));
    assertThat(build.image().imageBuildStatus()).isEqualTo(ImageBuildStatus.BUILD_IN_PROGRESS);
    assertThat(ids(ImageStatusFilteringOption.PENDING)).containsExactly("my-image");
    DescribeImageResponse building = client.describeImage(DescribeImageRequest.of("my-image"));
    assertThat(building.cloudformationStackCreationTime()).isNotNull();
    assertThat(building.ec2AmiInfo()).isNull();

    clock.advance(BUILD);
    List<LogStream> streams =
        client.listAllImageLogStreams(ListImageLogStreamsRequest.of("my-image")).toList();
    assertThat(streams).extracting(LogStream::logStreamName).contains("3.12.0/1");
    assertThat(
            client.getAllImageLogEvents(
                GetImageLogEventsRequest.of("my-image", "3.12.0/1")
                    .withQuery(LogEventsQuery.fromHead())))
        .hasSizeGreaterThanOrEqualTo(2);
    assertThatThrownBy(
            () -> client.getImageLogEvents(GetImageLogEventsRequest.of("my-image", "3.12.0/9")))
        .isInstanceOf(NotFoundException.class);

    DescribeImageResponse built = client.describeImage(DescribeImageRequest.of("my-image"));
    assertThat(built.imageBuildStatus()).isEqualTo(ImageBuildStatus.BUILD_COMPLETE);
    assertThat(built.ec2AmiInfo().state()).isEqualTo(Ec2AmiState.AVAILABLE);
    assertThat(built.ec2AmiInfo().amiId()).startsWith("ami-");
    assertThat(ids(ImageStatusFilteringOption.AVAILABLE)).containsExactly("my-image");
    assertThat(ids(ImageStatusFilteringOption.PENDING)).isEmpty();

    assertThatThrownBy(() -> client.buildImage(BuildImageRequest.of("my-image", image())))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.serviceMessage())
                    .startsWith("ParallelCluster image my-image already exists"));

    var deleted = client.deleteImage(DeleteImageRequest.of("my-image"));
    assertThat(deleted.image().imageBuildStatus()).isEqualTo(ImageBuildStatus.DELETE_IN_PROGRESS);
    assertThatThrownBy(() -> client.describeImage(DescribeImageRequest.of("my-image")))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e ->
                assertThat(e.serviceMessage())
                    .isEqualTo(
                        "No image or stack associated with ParallelCluster image id: my-image."));
    assertThatThrownBy(() -> client.deleteImage(DeleteImageRequest.of("my-image")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.listImageLogStreams(ListImageLogStreamsRequest.of("my-image")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void stackEventsExistWhileTheBuildStackDoes() {
    client.buildImage(BuildImageRequest.of("my-image", image()));
    assertThat(client.getAllImageStackEvents(GetImageStackEventsRequest.of("my-image")))
        .isNotEmpty();

    clock.advance(BUILD);
    clock.advance(EmulatorFixtures.DELETE);
    assertThatThrownBy(() -> client.getImageStackEvents(GetImageStackEventsRequest.of("my-image")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("CloudFormation Stack for Image my-image does not exist.");
  }

  @Test
  void aFailedBuildIsListedAsFailed() {
    client.buildImage(
        BuildImageRequest.of(
            "broken",
            image() + "  Tags:\n    - Key: emulator:fail-build\n      Value: component failed\n"));
    clock.advance(BUILD);

    assertThat(client.describeImage(DescribeImageRequest.of("broken")).imageBuildStatus())
        .isEqualTo(ImageBuildStatus.BUILD_FAILED);
    assertThat(ids(ImageStatusFilteringOption.FAILED)).containsExactly("broken");
    assertThatThrownBy(() -> client.deleteImage(DeleteImageRequest.of("ghost")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void validationAndDryRuns() {
    assertThatThrownBy(
            () ->
                client.buildImage(
                    BuildImageRequest.of("invalid", "Build:\n  InstanceType: c5.xlarge\n")))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.serviceMessage()).isEqualTo("Invalid image configuration.");
              assertThat(e.configurationValidationErrors()).isNotEmpty();
            });

    DryRunResult dry = client.buildImageDryRun(BuildImageRequest.of("dry", image()));
    assertThat(dry.message()).isEqualTo("Request would have succeeded, but DryRun flag is set.");
    assertThat(dry.changeSet()).isEmpty();
    assertThat(dry.validationMessages()).isEmpty();
    assertThatThrownBy(() -> client.describeImage(DescribeImageRequest.of("dry")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void officialImagesAreFiltered() {
    assertThat(client.listOfficialImages(ListOfficialImagesRequest.all()).images())
        .hasSizeGreaterThan(1);
    assertThat(
            client
                .listOfficialImages(
                    ListOfficialImagesRequest.all().withOs("alinux2023").withArchitecture("arm64"))
                .images())
        .singleElement()
        .satisfies(
            ami -> {
              assertThat(ami.os()).isEqualTo("alinux2023");
              assertThat(ami.architecture()).isEqualTo("arm64");
              assertThat(ami.version()).isEqualTo("3.12.0");
            })
        .extracting(AmiInfo::amiId)
        .asString()
        .startsWith("ami-");
    assertThatThrownBy(
            () -> client.listOfficialImages(ListOfficialImagesRequest.all().withOs("windows")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("windows");
  }
}
