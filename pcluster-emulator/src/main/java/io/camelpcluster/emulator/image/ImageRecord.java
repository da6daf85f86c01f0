package io.camelpcluster.emulator.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.emulator.model.CloudFormationStackStatus;
import io.camelpcluster.emulator.model.StackEvent;
import io.camelpcluster.emulator.model.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A custom image: its build stack (while it exists) and its AMI (once built). Mutable; changed only
 * by {@link ImageStateMachine} under the emulator state's lock.
 */
public final class ImageRecord {
  String imageId;
  String region;
  String version;
  ObjectNode config;
  String configKey;
  String logGroup;
  String architecture;
  boolean rollbackOnFailure;

  /** Why the build will fail, or null when it succeeds. */
  String plannedFailure;

  /** The build stack; null fields once it is gone. */
  String stackArn;

  CloudFormationStackStatus stackStatus;
  String stackStatusReason;
  Instant stackCreationTime;
  List<Tag> stackTags = new ArrayList<>();
  List<StackEvent> stackEvents = new ArrayList<>();
  String imagebuilderStatusReason;

  /** The AMI; null until built and after deregistration. */
  String amiId;

  Instant amiCreationTime;
  List<Tag> amiTags = new ArrayList<>();

  List<Step> steps = new ArrayList<>();

  /**
   * A transition due at a point in time.
   *
   * @param due when
   * @param kind what
   */
  record Step(Instant due, Kind kind) {
    enum Kind {
      BUILD_COMPLETE,
      BUILD_FAILED,
      ROLLBACK_COMPLETE,
      STACK_DELETED
    }
  }

  ImageRecord() {}

  /** Whether the build stack exists. */
  boolean hasStack() {
    return stackStatus != null;
  }

  /** Whether the AMI exists. */
  boolean hasAmi() {
    return amiId != null;
  }
}
