package io.camelpcluster.emulator.image;

import static io.camelpcluster.emulator.model.ResourceStatus.CREATE_COMPLETE;
import static io.camelpcluster.emulator.model.ResourceStatus.CREATE_FAILED;
import static io.camelpcluster.emulator.model.ResourceStatus.CREATE_IN_PROGRESS;
import static io.camelpcluster.emulator.model.ResourceStatus.DELETE_COMPLETE;
import static io.camelpcluster.emulator.model.ResourceStatus.DELETE_IN_PROGRESS;

import io.camelpcluster.emulator.logs.LogStore;
import io.camelpcluster.emulator.logs.StackEvents;
import io.camelpcluster.emulator.model.CloudFormationStackStatus;
import io.camelpcluster.emulator.model.Tag;
import io.camelpcluster.emulator.objects.ObjectStore;
import io.camelpcluster.emulator.state.Durations;
import io.camelpcluster.emulator.state.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The life of a custom image: the build stack runs for the build duration, then either registers
 * the AMI and deletes itself, or fails (and rolls back when asked).
 */
final class ImageStateMachine {
  static final String LOG_STREAM_SUFFIX = "/1";
  private static final String IMAGE_RESOURCE = "ParallelClusterImage";
  private static final String IMAGE_TYPE = "AWS::ImageBuilder::Image";

  private final Durations durations;
  private final ImageRegistry registry;
  private final LogStore logs;
  private final ObjectStore objects;

  ImageStateMachine(
      Durations durations, ImageRegistry registry, LogStore logs, ObjectStore objects) {
    this.durations = durations;
    this.registry = registry;
    this.logs = logs;
    this.objects = objects;
  }

  /** Starts the build stack of a registered image. */
  void build(ImageRecord image, Instant now) {
    image.stackStatus = CloudFormationStackStatus.CREATE_IN_PROGRESS;
    image.stackCreationTime = now;
    StackEvents events = events(image);
    events.stack("CREATE_IN_PROGRESS", "User Initiated", now);
    events.resource("InstanceRole", null, "AWS::IAM::Role", CREATE_IN_PROGRESS, null, now);
    events.resource(
        "InstanceRole",
        image.imageId + "-InstanceRole",
        "AWS::IAM::Role",
        CREATE_COMPLETE,
        null,
        now);
    events.resource(
        "ImageRecipe", null, "AWS::ImageBuilder::ImageRecipe", CREATE_IN_PROGRESS, null, now);
    events.resource(IMAGE_RESOURCE, null, IMAGE_TYPE, CREATE_IN_PROGRESS, null, now);
    logs.createGroup(
        image.logGroup,
        "arn:" + Ids.partition(image.region) + ":logs:" + image.region + ":" + Ids.ACCOUNT,
        now);
    log(
        image,
        now,
        "Image builder workflow started for " + image.imageId,
        "Stage: BUILD - launching the build instance");
    image.steps.add(
        new ImageRecord.Step(
            now.plus(durations.imageBuild()),
            image.plannedFailure == null
                ? ImageRecord.Step.Kind.BUILD_COMPLETE
                : ImageRecord.Step.Kind.BUILD_FAILED));
  }

  /**
   * Deregisters the AMI at once and deletes the build stack, if any: a failed build's stack is
   * deleted over time, a completed build's (already deleting itself) simply disappears.
   */
  void delete(ImageRecord image, Instant now) {
    image.amiId = null;
    boolean failedStack =
        image.hasStack() && image.stackStatus != CloudFormationStackStatus.DELETE_IN_PROGRESS;
    if (!failedStack) {
      forget(image);
      return;
    }
    image.steps.clear();
    image.stackStatus = CloudFormationStackStatus.DELETE_IN_PROGRESS;
    image.stackStatusReason = null;
    events(image).stack("DELETE_IN_PROGRESS", "User Initiated", now);
    image.steps.add(
        new ImageRecord.Step(now.plus(durations.delete()), ImageRecord.Step.Kind.STACK_DELETED));
  }

  /** Applies every step that is due, in time order; returns whether anything changed. */
  boolean advance(ImageRecord image, Instant now) {
    boolean changed = false;
    while (true) {
      ImageRecord.Step next =
          image.steps.stream().min(Comparator.comparing(ImageRecord.Step::due)).orElse(null);
      if (next == null || next.due().isAfter(now)) {
        return changed;
      }
      image.steps.remove(next);
      apply(image, next);
      changed = true;
    }
  }

  private void apply(ImageRecord image, ImageRecord.Step step) {
    Instant at = step.due();
    switch (step.kind()) {
      case BUILD_COMPLETE -> buildComplete(image, at);
      case BUILD_FAILED -> buildFailed(image, at);
      case ROLLBACK_COMPLETE -> {
        events(image).resource(IMAGE_RESOURCE, null, IMAGE_TYPE, DELETE_COMPLETE, null, at);
        events(image).stack("ROLLBACK_COMPLETE", null, at);
        image.stackStatus = CloudFormationStackStatus.ROLLBACK_COMPLETE;
      }
      case STACK_DELETED -> {
        image.stackStatus = null;
        image.stackArn = null;
        image.stackEvents.clear();
        if (!image.hasAmi()) {
          forget(image);
        }
      }
    }
  }

  private void buildComplete(ImageRecord image, Instant at) {
    image.amiId = Ids.ec2("ami");
    image.amiCreationTime = at;
    image.amiTags =
        List.of(
            new Tag("parallelcluster:image_id", image.imageId),
            new Tag("parallelcluster:version", image.version),
            new Tag("parallelcluster:build_log", logGroupArn(image)));
    StackEvents events = events(image);
    events.resource(IMAGE_RESOURCE, image.amiId, IMAGE_TYPE, CREATE_COMPLETE, null, at);
    events.stack("CREATE_COMPLETE", null, at);
    log(image, at, "Stage: TEST - image tests passed", "Image " + image.amiId + " is AVAILABLE");
    // The build stack deletes itself once the AMI exists.
    image.stackStatus = CloudFormationStackStatus.DELETE_IN_PROGRESS;
    events.stack("DELETE_IN_PROGRESS", "User Initiated", at);
    events.resource("InstanceRole", null, "AWS::IAM::Role", DELETE_IN_PROGRESS, null, at);
    Duration cleanup = durations.delete();
    image.steps.add(new ImageRecord.Step(at.plus(cleanup), ImageRecord.Step.Kind.STACK_DELETED));
  }

  private void buildFailed(ImageRecord image, Instant at) {
    String reason = image.plannedFailure;
    image.imagebuilderStatusReason = reason;
    StackEvents events = events(image);
    events.resource(IMAGE_RESOURCE, null, IMAGE_TYPE, CREATE_FAILED, reason, at);
    log(image, at, "ERROR: " + reason, "Image builder workflow failed");
    String stackReason = "The following resource(s) failed to create: [" + IMAGE_RESOURCE + "].";
    image.stackStatusReason = stackReason;
    if (image.rollbackOnFailure) {
      image.stackStatus = CloudFormationStackStatus.ROLLBACK_IN_PROGRESS;
      events.stack("ROLLBACK_IN_PROGRESS", stackReason + " Rollback requested by user.", at);
      image.steps.add(
          new ImageRecord.Step(
              at.plus(durations.delete()), ImageRecord.Step.Kind.ROLLBACK_COMPLETE));
    } else {
      image.stackStatus = CloudFormationStackStatus.CREATE_FAILED;
      events.stack("CREATE_FAILED", stackReason, at);
    }
  }

  private void forget(ImageRecord image) {
    registry.remove(image);
    logs.deleteGroup(image.logGroup);
    objects.deletePrefix(ImageService.objectPrefix(image.region, image.imageId));
  }

  private void log(ImageRecord image, Instant at, String... messages) {
    logs.append(image.logGroup, image.version + LOG_STREAM_SUFFIX, at, List.of(messages));
  }

  static String logGroupArn(ImageRecord image) {
    return "arn:"
        + Ids.partition(image.region)
        + ":logs:"
        + image.region
        + ":"
        + Ids.ACCOUNT
        + ":log-group:"
        + image.logGroup;
  }

  private static StackEvents events(ImageRecord image) {
    return new StackEvents(image.stackArn, image.imageId, image.stackEvents);
  }
}
