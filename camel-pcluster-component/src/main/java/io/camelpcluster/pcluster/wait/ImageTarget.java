package io.camelpcluster.pcluster.wait;

import static io.camelpcluster.pcluster.api.model.ImageBuildStatus.BUILD_COMPLETE;
import static io.camelpcluster.pcluster.api.model.ImageBuildStatus.BUILD_FAILED;
import static io.camelpcluster.pcluster.api.model.ImageBuildStatus.DELETE_COMPLETE;
import static io.camelpcluster.pcluster.api.model.ImageBuildStatus.DELETE_FAILED;
import static io.camelpcluster.pcluster.api.model.ImageBuildStatus.DELETE_IN_PROGRESS;

import io.camelpcluster.pcluster.api.model.ImageBuildStatus;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What "done" means when waiting on a custom image.
 *
 * <ul>
 *   <li>{@link #built()}: {@code BUILD_COMPLETE}; fails on {@code BUILD_FAILED}, deletion or the
 *       image disappearing.
 *   <li>{@link #deleted()}: DescribeImage answers 404; fails on {@code DELETE_FAILED}.
 *   <li>{@link #status(ImageBuildStatus)}: that status; fails on any other {@code *_FAILED} status,
 *       on deletion (unless a {@code DELETE_*} status is the target) or disappearance.
 * </ul>
 */
public final class ImageTarget {
  private static final ImageTarget BUILT =
      new ImageTarget(
          BUILD_COMPLETE.name(),
          EnumSet.of(BUILD_COMPLETE),
          EnumSet.of(BUILD_FAILED, DELETE_IN_PROGRESS, DELETE_FAILED),
          false);
  private static final ImageTarget DELETED =
      new ImageTarget("DELETED", EnumSet.of(DELETE_COMPLETE), EnumSet.of(DELETE_FAILED), true);

  private final String name;
  private final Set<ImageBuildStatus> reached;
  private final Set<ImageBuildStatus> failed;
  private final boolean goneReached;

  private ImageTarget(
      String name, Set<ImageBuildStatus> reached, Set<ImageBuildStatus> failed, boolean gone) {
    this.name = name;
    this.reached = reached;
    this.failed = failed;
    this.goneReached = gone;
  }

  /** The build finished: {@code BUILD_COMPLETE}. */
  public static ImageTarget built() {
    return BUILT;
  }

  /** The image is gone (DescribeImage answers 404). */
  public static ImageTarget deleted() {
    return DELETED;
  }

  /**
   * A given status; {@code BUILD_COMPLETE} and {@code DELETE_COMPLETE} are {@link #built()} and
   * {@link #deleted()}.
   */
  public static ImageTarget status(ImageBuildStatus status) {
    if (status == null || status == ImageBuildStatus.UNKNOWN_TO_CLIENT) {
      throw new IllegalArgumentException("an image status to wait for is required");
    }
    return switch (status) {
      case BUILD_COMPLETE -> BUILT;
      case DELETE_COMPLETE -> DELETED;
      default -> {
        Set<ImageBuildStatus> failing = EnumSet.of(BUILD_FAILED, DELETE_FAILED);
        if (status != DELETE_IN_PROGRESS && status != DELETE_FAILED) {
          failing.add(DELETE_IN_PROGRESS);
        }
        failing.remove(status);
        yield new ImageTarget(status.name(), EnumSet.of(status), failing, false);
      }
    };
  }

  /**
   * The target named by a {@code targetStatus} option: an {@link ImageBuildStatus} name, or {@code
   * DELETED} (case-insensitive).
   *
   * @throws IllegalArgumentException for anything else, naming the accepted values
   */
  public static ImageTarget parse(String targetStatus) {
    String text = targetStatus == null ? "" : targetStatus.strip().toUpperCase(Locale.ROOT);
    if (text.equals(DELETED.name)) {
      return DELETED;
    }
    for (ImageBuildStatus status : ImageBuildStatus.values()) {
      if (status != ImageBuildStatus.UNKNOWN_TO_CLIENT && status.name().equals(text)) {
        return status(status);
      }
    }
    throw new IllegalArgumentException(
        "targetStatus must be DELETED or an image build status ("
            + String.join(
                ", ", Names.of(ImageBuildStatus.values(), ImageBuildStatus.UNKNOWN_TO_CLIENT))
            + "), got "
            + Names.quote(targetStatus));
  }

  /** The name of the target, e.g. {@code BUILD_COMPLETE} or {@code DELETED}. */
  public String name() {
    return name;
  }

  /** Whether an image that no longer exists has reached this target. */
  public boolean isReachedWhenGone() {
    return goneReached;
  }

  /** What an observed status (null: the image does not exist) means for a waiter. */
  Outcome judge(ImageBuildStatus status) {
    if (status == null) {
      return goneReached ? Outcome.REACHED : Outcome.FAILED;
    }
    if (reached.contains(status)) {
      return Outcome.REACHED;
    }
    return failed.contains(status) ? Outcome.FAILED : Outcome.WAITING;
  }

  @Override
  public String toString() {
    return name;
  }
}
