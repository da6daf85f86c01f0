package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.buildBody;
import static io.camelpcluster.emulator.Configs.image;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Custom images: build, list, describe, delete, logs and stack events; official images. */
class ImagesTest {
  private static final Duration BUILD = Duration.ofMinutes(40);
  private static final Duration DELETE = Duration.ofMinutes(2);

  private final TestClock clock = TestClock.at("2025-03-01T10:00:00Z");
  private PclusterEmulator emulator;
  private Api api;

  @BeforeEach
  void start() {
    emulator =
        PclusterEmulator.start(
            EmulatorConfig.builder()
                .anonymous(true)
                .clock(clock)
                .imageBuildDuration(BUILD)
                .deleteDuration(DELETE)
                .build());
    api = Api.anonymous(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aBuildRunsThenTheAmiIsAvailableAndTheStackDeletesItself() {
    Api.Response build = api.post("/v3/images/custom", buildBody("my-image", image()));

    assertThat(build.status()).isEqualTo(202);
    JsonNode summary = build.json().get("image");
    assertThat(summary.get("imageBuildStatus").asText()).isEqualTo("BUILD_IN_PROGRESS");
    assertThat(summary.get("cloudformationStackStatus").asText()).isEqualTo("CREATE_IN_PROGRESS");
    assertThat(summary.get("version").asText()).isEqualTo("3.12.0");
    assertThat(ids("PENDING")).containsExactly("my-image");

    JsonNode building = api.get("/v3/images/custom/my-image").json();
    assertThat(building.get("imageBuildStatus").asText()).isEqualTo("BUILD_IN_PROGRESS");
    assertThat(building.get("imagebuilderImageStatus").asText()).isEqualTo("PENDING");
    assertThat(building.has("ec2AmiInfo")).isFalse();
    assertThat(Api.fetch(building.at("/imageConfiguration/url").asText()).body())
        .isEqualTo(image());
    assertThat(api.post("/v3/images/custom", buildBody("my-image", image())).status())
        .isEqualTo(409);

    clock.advance(BUILD);
    JsonNode built = api.get("/v3/images/custom/my-image").json();
    assertThat(built.get("imageBuildStatus").asText()).isEqualTo("BUILD_COMPLETE");
    assertThat(built.at("/ec2AmiInfo/amiId").asText()).matches("ami-[0-9a-f]{17}");
    assertThat(built.at("/ec2AmiInfo/state").asText()).isEqualTo("AVAILABLE");
    assertThat(built.at("/ec2AmiInfo/architecture").asText()).isEqualTo("x86_64");
    assertThat(built.get("creationTime").asText()).isEqualTo("2025-03-01T10:40:00.000Z");
    assertThat(built.has("cloudformationStackStatus")).isFalse();
    assertThat(ids("AVAILABLE")).containsExactly("my-image");
    assertThat(ids("PENDING")).isEmpty();
    assertThat(api.get("/v3/images/custom/my-image/stackevents").status()).isEqualTo(200);
    assertThat(api.post("/v3/images/custom", buildBody("my-image", image())).message())
        .isEqualTo("ParallelCluster image my-image already exists.");

    clock.advance(DELETE);
    Api.Response stackGone = api.get("/v3/images/custom/my-image/stackevents");
    assertThat(stackGone.status()).isEqualTo(404);
    assertThat(stackGone.message())
        .isEqualTo("CloudFormation Stack for Image my-image does not exist.");
    assertThat(api.get("/v3/images/custom/my-image").status()).isEqualTo(200);
  }

  @Test
  void deletingABuiltImageDeregistersItAtOnce() {
    api.post("/v3/images/custom", buildBody("gone", image()));
    clock.advance(BUILD);

    Api.Response delete = api.delete("/v3/images/custom/gone");

    assertThat(delete.status()).isEqualTo(202);
    assertThat(delete.json().at("/image/imageBuildStatus").asText())
        .isEqualTo("DELETE_IN_PROGRESS");
    assertThat(delete.json().at("/image/ec2AmiInfo/amiId").asText()).startsWith("ami-");
    Api.Response describe = api.get("/v3/images/custom/gone");
    assertThat(describe.status()).isEqualTo(404);
    assertThat(describe.message())
        .isEqualTo("No image or stack associated with ParallelCluster image id: gone.");
    assertThat(ids("AVAILABLE")).isEmpty();
    assertThat(api.delete("/v3/images/custom/gone").status()).isEqualTo(404);
    assertThat(api.get("/v3/images/custom/gone/logstreams").message())
        .isEqualTo("Unable to find image logs, please double check if image id=gone is correct.");
  }

  @Test
  void aBuildCannotBeDeletedWhileItRuns() {
    api.post("/v3/images/custom", buildBody("busy", image()));

    Api.Response delete = api.delete("/v3/images/custom/busy");

    assertThat(delete.status()).isEqualTo(400);
    assertThat(delete.message())
        .isEqualTo(
            "Bad Request: Image cannot be deleted because EC2 ImageBuilder Image has a running"
                + " workflow.");
  }

  @Test
  void aFailingBuildIsListedAsFailedAndItsStackCanBeDeleted() {
    String config =
        image() + "  Tags:\n    - Key: emulator:fail-build\n      Value: component failed\n";
    api.post("/v3/images/custom", buildBody("broken", config));
    clock.advance(BUILD);

    JsonNode failed = api.get("/v3/images/custom/broken").json();
    assertThat(failed.get("imageBuildStatus").asText()).isEqualTo("BUILD_FAILED");
    assertThat(failed.get("cloudformationStackStatus").asText()).isEqualTo("CREATE_FAILED");
    assertThat(failed.get("imagebuilderImageStatus").asText()).isEqualTo("FAILED");
    assertThat(failed.get("imagebuilderImageStatusReason").asText()).contains("component failed");
    assertThat(failed.get("cloudformationStackStatusReason").asText())
        .contains("ParallelClusterImage");
    assertThat(ids("FAILED")).containsExactly("broken");
    assertThat(api.post("/v3/images/custom", buildBody("broken", image())).message())
        .startsWith("ParallelCluster build infrastructure for image broken");

    assertThat(api.delete("/v3/images/custom/broken").status()).isEqualTo(202);
    assertThat(api.get("/v3/images/custom/broken").json().get("imageBuildStatus").asText())
        .isEqualTo("DELETE_IN_PROGRESS");
    clock.advance(DELETE);
    assertThat(api.get("/v3/images/custom/broken").status()).isEqualTo(404);
  }

  @Test
  void rollbackOnFailureRollsTheBuildStackBack() {
    api.post(
        "/v3/images/custom?rollbackOnFailure=true",
        buildBody("rolled", image().replace("c5.xlarge", "c5.imaginary")));
    clock.advance(BUILD);
    assertThat(api.get("/v3/images/custom/rolled").json().get("cloudformationStackStatus").asText())
        .isEqualTo("ROLLBACK_IN_PROGRESS");

    clock.advance(DELETE);
    assertThat(api.get("/v3/images/custom/rolled").json().get("cloudformationStackStatus").asText())
        .isEqualTo("ROLLBACK_COMPLETE");
    assertThat(ids("FAILED")).containsExactly("rolled");
  }

  @Test
  void imageLogStreamsHaveSlashesInTheirNames() {
    api.post("/v3/images/custom", buildBody("logged", image()));
    clock.advance(BUILD);

    JsonNode streams = api.get("/v3/images/custom/logged/logstreams").json().get("logStreams");
    assertThat(streams.get(0).get("logStreamName").asText()).isEqualTo("3.12.0/1");
    assertThat(streams.get(0).get("logStreamArn").asText())
        .contains("log-group:/aws/imagebuilder/ParallelClusterImage-logged:log-stream:3.12.0/1");

    JsonNode events =
        api.get("/v3/images/custom/logged/logstreams/3.12.0%2F1?startFromHead=true").json();
    assertThat(events.get("events").size()).isGreaterThanOrEqualTo(2);
    assertThat(api.get("/v3/images/custom/logged/logstreams/3.12.0%2F9").status()).isEqualTo(404);
  }

  @Test
  void imageValidationAndDryRun() {
    Api.Response schema =
        api.post("/v3/images/custom", buildBody("invalid", "Build:\n  InstanceType: c5.xlarge\n"));
    Api.Response semantic =
        api.post(
            "/v3/images/custom",
            buildBody("small", image() + "Image:\n  RootVolume:\n    Size: 10\n"));
    Api.Response dry = api.post("/v3/images/custom?dryrun=true", buildBody("dry", image()));

    assertThat(schema.status()).isEqualTo(400);
    assertThat(schema.message()).isEqualTo("Invalid image configuration.");
    assertThat(schema.json().at("/configurationValidationErrors/0/message").asText())
        .isEqualTo("[('Build', {'ParentImage': ['Missing data for required field.']})]");
    assertThat(semantic.message()).isEqualTo("Configuration is invalid");
    assertThat(semantic.json().at("/configurationValidationErrors/0/type").asText())
        .isEqualTo("AMIVolumeSizeValidator");
    assertThat(dry.status()).isEqualTo(412);
    assertThat(dry.json().size()).isEqualTo(1);
    assertThat(api.get("/v3/images/custom/dry").status()).isEqualTo(404);
    assertThat(api.post("/v3/images/custom", buildBody("a".repeat(129), image())).status())
        .isEqualTo(400);
  }

  @Test
  void listImagesNeedsAValidStatus() {
    assertThat(api.get("/v3/images/custom").message())
        .isEqualTo("Bad Request: Missing query parameter 'imageStatus'");
    assertThat(api.get("/v3/images/custom?imageStatus=DONE").message())
        .isEqualTo("Bad Request: 'DONE' is not one of ['AVAILABLE', 'PENDING', 'FAILED']");
  }

  @Test
  void officialImagesAreFilteredByOsAndArchitecture() {
    JsonNode all = api.get("/v3/images/official").json().get("images");
    JsonNode some = api.get("/v3/images/official?os=alinux2023&architecture=arm64").json();

    assertThat(all).hasSize(16);
    assertThat(some.get("images")).hasSize(1);
    assertThat(some.has("nextToken")).isFalse();
    JsonNode ami = some.get("images").get(0);
    assertThat(ami.get("os").asText()).isEqualTo("alinux2023");
    assertThat(ami.get("architecture").asText()).isEqualTo("arm64");
    assertThat(ami.get("version").asText()).isEqualTo("3.12.0");
    assertThat(ami.get("name").asText())
        .startsWith("aws-parallelcluster-3.12.0-amzn2023-hvm-arm64");
    assertThat(ami.get("amiId").asText()).matches("ami-[0-9a-f]{17}");
    assertThat(api.get("/v3/images/official?os=windows&architecture=sparc").message())
        .isEqualTo(
            "Bad Request: windows is not one of ['alinux2', 'alinux2023', 'ubuntu2004',"
                + " 'ubuntu2204', 'rhel8', 'rocky8', 'rhel9', 'rocky9']; sparc is not one of"
                + " ['x86_64', 'arm64']");
  }

  private List<String> ids(String status) {
    List<String> ids = new ArrayList<>();
    api.get("/v3/images/custom?imageStatus=" + status)
        .json()
        .get("images")
        .forEach(i -> ids.add(i.get("imageId").asText()));
    return ids;
  }
}
