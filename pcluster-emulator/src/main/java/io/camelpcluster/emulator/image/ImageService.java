package io.camelpcluster.emulator.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.emulator.config.ConfigChecks;
import io.camelpcluster.emulator.config.ConfigYaml;
import io.camelpcluster.emulator.config.InstanceTypes;
import io.camelpcluster.emulator.config.ValidationPolicy;
import io.camelpcluster.emulator.config.ValidationReport;
import io.camelpcluster.emulator.logs.LogEventsQuery;
import io.camelpcluster.emulator.logs.LogStore;
import io.camelpcluster.emulator.logs.StackEvents;
import io.camelpcluster.emulator.model.ApiException;
import io.camelpcluster.emulator.model.ApiVersion;
import io.camelpcluster.emulator.model.CloudFormationStackStatus;
import io.camelpcluster.emulator.model.DescribeClusterResponse;
import io.camelpcluster.emulator.model.DescribeImageResponse;
import io.camelpcluster.emulator.model.Ec2AmiInfo;
import io.camelpcluster.emulator.model.ImageBuildStatus;
import io.camelpcluster.emulator.model.ImageInfoSummary;
import io.camelpcluster.emulator.model.LogStream;
import io.camelpcluster.emulator.model.PageSizes;
import io.camelpcluster.emulator.model.Pages;
import io.camelpcluster.emulator.model.Responses;
import io.camelpcluster.emulator.model.Tag;
import io.camelpcluster.emulator.objects.ObjectStore;
import io.camelpcluster.emulator.objects.PresignedUrls;
import io.camelpcluster.emulator.state.Durations;
import io.camelpcluster.emulator.state.Ids;
import io.camelpcluster.emulator.state.StateGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The image operations of the API. Errors are {@link ApiException}s. */
public final class ImageService {
  /**
   * The tag that makes an image build fail, for tests: its value is the failure reason. It may be
   * set in {@code Build.Tags} or {@code Image.Tags}.
   */
  public static final String FAIL_BUILD_TAG = "emulator:fail-build";

  /** The longest image id the server accepts. */
  public static final int MAX_IMAGE_ID_LENGTH = 128;

  private static final Set<CloudFormationStackStatus> FAILED_STACKS =
      Set.of(
          CloudFormationStackStatus.CREATE_FAILED,
          CloudFormationStackStatus.DELETE_FAILED,
          CloudFormationStackStatus.ROLLBACK_FAILED,
          CloudFormationStackStatus.ROLLBACK_COMPLETE,
          CloudFormationStackStatus.ROLLBACK_IN_PROGRESS);

  private final StateGuard guard;
  private final ImageRegistry registry;
  private final LogStore logs;
  private final ObjectStore objects;
  private final PresignedUrls urls;
  private final Durations durations;
  private final PageSizes pageSizes;
  private final ImageStateMachine machine;

  /**
   * @param guard the state lock (this service registers its state machine with it)
   * @param registry the images
   * @param logs CloudWatch Logs
   * @param objects where configurations are stored
   * @param urls signs configuration URLs
   * @param durations how long operations take
   * @param pageSizes items per page
   */
  public ImageService(
      StateGuard guard,
      ImageRegistry registry,
      LogStore logs,
      ObjectStore objects,
      PresignedUrls urls,
      Durations durations,
      PageSizes pageSizes) {
    this.guard = guard;
    this.registry = registry;
    this.logs = logs;
    this.objects = objects;
    this.urls = urls;
    this.durations = durations;
    this.pageSizes = pageSizes;
    this.machine = new ImageStateMachine(durations, registry, logs, objects);
    guard.register(this::advance);
  }

  static String objectPrefix(String region, String imageId) {
    return "images/" + region + "/" + imageId + "/";
  }

  /** ListImages: AVAILABLE lists AMIs in one answer; PENDING and FAILED page over stacks. */
  public Responses.ImageList list(String region, String status, String nextToken) {
    return guard.read(
        now -> {
          List<ImageRecord> images = registry.inRegion(region);
          if (status.equals("AVAILABLE")) {
            return new Responses.ImageList(
                images.stream().filter(ImageRecord::hasAmi).map(this::amiSummary).toList(), null);
          }
          List<ImageInfoSummary> stacks =
              images.stream()
                  .filter(ImageRecord::hasStack)
                  .filter(
                      i ->
                          status.equals("PENDING")
                              ? i.stackStatus == CloudFormationStackStatus.CREATE_IN_PROGRESS
                              : FAILED_STACKS.contains(i.stackStatus))
                  .map(i -> stackSummary(i, i.stackStatus.imageBuildStatus()))
                  .toList();
          Pages.Page<ImageInfoSummary> page =
              Pages.page("images", stacks, nextToken, pageSizes.images());
          return new Responses.ImageList(page.items(), page.nextToken());
        });
  }

  /** BuildImage. */
  public Responses.ImageChange build(
      String region,
      String imageId,
      ConfigYaml.Parsed submitted,
      ValidationPolicy policy,
      boolean dryRun,
      boolean rollbackOnFailure) {
    ObjectNode config = submitted.require();
    String yaml = submitted.text();
    guard.read(now -> requireAbsent(region, imageId));
    if (imageId.length() > MAX_IMAGE_ID_LENGTH) {
      throw ApiException.badRequest(
          "Image id '"
              + imageId.substring(0, 20)
              + "...' is too long: it must be at most "
              + MAX_IMAGE_ID_LENGTH
              + " characters.");
    }
    ValidationReport report = ConfigChecks.image(config, policy);
    if (dryRun) {
      throw ApiException.withBody(
          412, Responses.Error.of("Request would have succeeded, but DryRun flag is set."));
    }
    ImageRecord image =
        guard.write(
            now -> {
              requireAbsent(region, imageId);
              ImageRecord created = newRecord(region, imageId, yaml, config, rollbackOnFailure);
              registry.add(created);
              machine.build(created, now);
              return created;
            });
    return new Responses.ImageChange(
        stackSummary(image, ImageBuildStatus.BUILD_IN_PROGRESS), report.messagesOrNull());
  }

  /** DescribeImage: from the AMI when it exists, otherwise from the build stack. */
  public DescribeImageResponse describe(String region, String imageId) {
    return guard.read(
        now -> {
          ImageRecord image =
              registry
                  .find(region, imageId)
                  .orElseThrow(() -> ApiException.notFound(notFound(imageId)));
          DescribeClusterResponse.Url url =
              new DescribeClusterResponse.Url(urls.sign(image.configKey, now));
          if (image.hasAmi()) {
            return new DescribeImageResponse(
                image.imageId,
                image.region,
                image.version,
                ImageBuildStatus.BUILD_COMPLETE,
                ImageStateMachine.logGroupArn(image),
                null,
                null,
                null,
                image.amiCreationTime,
                null,
                null,
                url,
                null,
                null,
                new Ec2AmiInfo(
                    image.amiId,
                    List.copyOf(image.amiTags),
                    amiName(image),
                    image.architecture,
                    "AVAILABLE",
                    "AWS ParallelCluster AMI for " + parentImage(image)));
          }
          return new DescribeImageResponse(
              image.imageId,
              image.region,
              image.version,
              image.stackStatus.imageBuildStatus(),
              ImageStateMachine.logGroupArn(image),
              image.stackStatus,
              image.stackStatusReason,
              image.stackArn,
              null,
              image.stackCreationTime,
              List.copyOf(image.stackTags),
              url,
              imagebuilderStatus(image, now),
              image.imagebuilderStatusReason,
              null);
        });
  }

  /** DeleteImage: the AMI is deregistered at once. */
  public Responses.ImageChange delete(String region, String imageId) {
    return guard.write(
        now -> {
          ImageRecord image =
              registry
                  .find(region, imageId)
                  .orElseThrow(() -> ApiException.notFound(notFound(imageId)));
          if (image.stackStatus == CloudFormationStackStatus.CREATE_IN_PROGRESS) {
            throw ApiException.badRequest(
                "Image cannot be deleted because EC2 ImageBuilder Image has a running workflow.");
          }
          String amiId = image.amiId;
          machine.delete(image, now);
          boolean stack = image.hasStack() && registry.find(region, imageId).isPresent();
          return new Responses.ImageChange(
              new ImageInfoSummary(
                  image.imageId,
                  amiId == null ? null : new ImageInfoSummary.Ec2AmiInfoSummary(amiId),
                  image.region,
                  image.version,
                  stack ? image.stackArn : null,
                  ImageBuildStatus.DELETE_IN_PROGRESS,
                  stack ? image.stackStatus : null),
              null);
        });
  }

  /** ListImageLogStreams. */
  public Responses.LogStreamList logStreams(String region, String imageId, String nextToken) {
    return guard.read(
        now -> {
          String group = requireLogs(region, imageId);
          Pages.Page<LogStream> page =
              Pages.page("logstreams", logs.streams(group, ""), nextToken, pageSizes.logStreams());
          return new Responses.LogStreamList(page.items(), page.nextToken());
        });
  }

  /** GetImageLogEvents. */
  public Responses.LogEventPage logEvents(
      String region, String imageId, String stream, LogEventsQuery query) {
    return guard.read(
        now ->
            query.page(
                logs.events(requireLogs(region, imageId), stream)
                    .orElseThrow(
                        () ->
                            ApiException.notFound(
                                "The specified log stream " + stream + " does not exist."))));
  }

  /** GetImageStackEvents: 404 once the build stack is gone. */
  public Responses.StackEventPage stackEvents(String region, String imageId, String nextToken) {
    return guard.read(
        now -> {
          ImageRecord image =
              registry
                  .find(region, imageId)
                  .filter(ImageRecord::hasStack)
                  .orElseThrow(
                      () ->
                          ApiException.notFound(
                              "CloudFormation Stack for Image " + imageId + " does not exist."));
          return StackEvents.page(image.stackEvents, nextToken, pageSizes.stackEvents());
        });
  }

  private boolean advance(Instant now) {
    boolean changed = false;
    for (ImageRecord image : registry.all()) {
      changed |= machine.advance(image, now);
    }
    return changed;
  }

  private ImageRecord newRecord(
      String region, String imageId, String yaml, ObjectNode config, boolean rollbackOnFailure) {
    ImageRecord image = new ImageRecord();
    image.imageId = imageId;
    image.region = region;
    image.version = ApiVersion.CURRENT;
    image.config = config;
    image.configKey = objectPrefix(region, imageId) + "image-config.yaml";
    objects.put(image.configKey, yaml);
    image.logGroup = "/aws/imagebuilder/ParallelClusterImage-" + imageId;
    String instanceType = config.path("Build").path("InstanceType").asText();
    image.architecture = InstanceTypes.architecture(instanceType).orElse("x86_64");
    image.rollbackOnFailure = rollbackOnFailure;
    image.stackArn =
        "arn:"
            + Ids.partition(region)
            + ":cloudformation:"
            + region
            + ":"
            + Ids.ACCOUNT
            + ":stack/"
            + imageId
            + "/"
            + Ids.uuid();
    List<Tag> tags = new ArrayList<>(tags(config.path("Build").path("Tags")));
    tags.add(new Tag("parallelcluster:image_id", imageId));
    tags.add(new Tag("parallelcluster:version", image.version));
    image.stackTags = tags;
    image.plannedFailure = plannedFailure(config, instanceType);
    return image;
  }

  private static String plannedFailure(JsonNode config, String instanceType) {
    if (!InstanceTypes.supported(instanceType)) {
      return "Image build failed: the instance type '" + instanceType + "' is not supported.";
    }
    List<Tag> tags = new ArrayList<>(tags(config.path("Build").path("Tags")));
    tags.addAll(tags(config.path("Image").path("Tags")));
    return tags.stream()
        .filter(t -> t.key().equals(FAIL_BUILD_TAG))
        .map(t -> "Image build failed: " + t.value())
        .findFirst()
        .orElse(null);
  }

  private static List<Tag> tags(JsonNode list) {
    List<Tag> tags = new ArrayList<>();
    list.forEach(t -> tags.add(new Tag(t.path("Key").asText(), t.path("Value").asText())));
    return tags;
  }

  private Void requireAbsent(String region, String imageId) {
    Optional<ImageRecord> existing = registry.find(region, imageId);
    if (existing.isPresent() && existing.get().hasAmi()) {
      throw ApiException.conflict("ParallelCluster image " + imageId + " already exists.");
    }
    if (existing.isPresent()) {
      throw ApiException.conflict(
          "ParallelCluster build infrastructure for image "
              + imageId
              + " or a CloudFormation Stack with the same name already exists.");
    }
    return null;
  }

  private String requireLogs(String region, String imageId) {
    String group = "/aws/imagebuilder/ParallelClusterImage-" + imageId;
    if (registry.find(region, imageId).isEmpty() || !logs.hasGroup(group)) {
      throw ApiException.notFound(
          "Unable to find image logs, please double check if image id=" + imageId + " is correct.");
    }
    return group;
  }

  private ImageInfoSummary amiSummary(ImageRecord image) {
    return new ImageInfoSummary(
        image.imageId,
        new ImageInfoSummary.Ec2AmiInfoSummary(image.amiId),
        image.region,
        image.version,
        null,
        ImageBuildStatus.BUILD_COMPLETE,
        null);
  }

  private static ImageInfoSummary stackSummary(ImageRecord image, ImageBuildStatus status) {
    return new ImageInfoSummary(
        image.imageId,
        null,
        image.region,
        image.version,
        image.stackArn,
        status,
        image.stackStatus);
  }

  private String imagebuilderStatus(ImageRecord image, Instant now) {
    return switch (image.stackStatus.imageBuildStatus()) {
      case BUILD_FAILED -> "FAILED";
      case DELETE_IN_PROGRESS, DELETE_FAILED, DELETE_COMPLETE -> "DELETED";
      case BUILD_COMPLETE -> "AVAILABLE";
      case BUILD_IN_PROGRESS -> {
        Duration total = durations.imageBuild();
        double done =
            total.isZero()
                ? 1
                : (double) Duration.between(image.stackCreationTime, now).toMillis()
                    / total.toMillis();
        yield done < 0.1
            ? "PENDING"
            : done < 0.2
                ? "CREATING"
                : done < 0.6 ? "BUILDING" : done < 0.8 ? "TESTING" : "DISTRIBUTING";
      }
    };
  }

  private static String amiName(ImageRecord image) {
    String name = image.config.path("Image").path("Name").asText("");
    return name.isEmpty() ? image.imageId : name;
  }

  private static String parentImage(ImageRecord image) {
    return image.config.path("Build").path("ParentImage").asText();
  }

  private static String notFound(String imageId) {
    return "No image or stack associated with ParallelCluster image id: " + imageId + ".";
  }
}
