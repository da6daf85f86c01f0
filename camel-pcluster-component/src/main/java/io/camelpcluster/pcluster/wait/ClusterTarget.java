package io.camelpcluster.pcluster.wait;

import static io.camelpcluster.pcluster.api.model.ClusterStatus.CREATE_COMPLETE;
import static io.camelpcluster.pcluster.api.model.ClusterStatus.CREATE_FAILED;
import static io.camelpcluster.pcluster.api.model.ClusterStatus.DELETE_COMPLETE;
import static io.camelpcluster.pcluster.api.model.ClusterStatus.DELETE_FAILED;
import static io.camelpcluster.pcluster.api.model.ClusterStatus.DELETE_IN_PROGRESS;
import static io.camelpcluster.pcluster.api.model.ClusterStatus.UPDATE_COMPLETE;
import static io.camelpcluster.pcluster.api.model.ClusterStatus.UPDATE_FAILED;
import static io.camelpcluster.pcluster.api.model.ClusterStatus.UPDATE_IN_PROGRESS;

import io.camelpcluster.pcluster.api.model.CloudFormationStackStatus;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What "done" means when waiting on a cluster: the statuses that reach the target, those that can
 * no longer reach it, and whether the cluster being gone (no longer listed) is success.
 *
 * <ul>
 *   <li>{@link #created()}: {@code CREATE_COMPLETE} (or any {@code UPDATE_*} status: the creation
 *       finished and an update followed); fails on {@code CREATE_FAILED} (rollbacks included),
 *       deletion, or the cluster disappearing.
 *   <li>{@link #updated()}: {@code UPDATE_COMPLETE}; fails on {@code UPDATE_FAILED}, as soon as the
 *       stack rolls the update back, on {@code CREATE_FAILED}, deletion or disappearance.
 *   <li>{@link #deleted()}: the cluster is no longer listed; fails on {@code DELETE_FAILED}.
 *   <li>{@link #status(ClusterStatus)}: that status; fails on any other {@code *_FAILED} status, on
 *       deletion (unless a {@code DELETE_*} status is the target) or disappearance.
 * </ul>
 */
public final class ClusterTarget {
  private static final Set<ClusterStatus> FAILED_STATUSES =
      EnumSet.of(CREATE_FAILED, UPDATE_FAILED, DELETE_FAILED);
  private static final Set<CloudFormationStackStatus> UPDATE_ROLLBACK =
      EnumSet.of(
          CloudFormationStackStatus.UPDATE_ROLLBACK_IN_PROGRESS,
          CloudFormationStackStatus.UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS,
          CloudFormationStackStatus.UPDATE_ROLLBACK_FAILED,
          CloudFormationStackStatus.UPDATE_ROLLBACK_COMPLETE);

  private static final ClusterTarget CREATED =
      new ClusterTarget(
          CREATE_COMPLETE.name(),
          EnumSet.of(CREATE_COMPLETE, UPDATE_IN_PROGRESS, UPDATE_COMPLETE, UPDATE_FAILED),
          EnumSet.of(CREATE_FAILED, DELETE_IN_PROGRESS, DELETE_FAILED),
          EnumSet.noneOf(CloudFormationStackStatus.class),
          false);
  private static final ClusterTarget UPDATED =
      new ClusterTarget(
          UPDATE_COMPLETE.name(),
          EnumSet.of(UPDATE_COMPLETE),
          EnumSet.of(UPDATE_FAILED, CREATE_FAILED, DELETE_IN_PROGRESS, DELETE_FAILED),
          UPDATE_ROLLBACK,
          false);
  private static final ClusterTarget DELETED =
      new ClusterTarget(
          "DELETED",
          EnumSet.of(DELETE_COMPLETE),
          EnumSet.of(DELETE_FAILED),
          EnumSet.noneOf(CloudFormationStackStatus.class),
          true);

  private final String name;
  private final Set<ClusterStatus> reached;
  private final Set<ClusterStatus> failed;
  private final Set<CloudFormationStackStatus> failedStacks;
  private final boolean goneReached;

  private ClusterTarget(
      String name,
      Set<ClusterStatus> reached,
      Set<ClusterStatus> failed,
      Set<CloudFormationStackStatus> failedStacks,
      boolean goneReached) {
    this.name = name;
    this.reached = reached;
    this.failed = failed;
    this.failedStacks = failedStacks;
    this.goneReached = goneReached;
  }

  /** The creation finished: {@code CREATE_COMPLETE}. */
  public static ClusterTarget created() {
    return CREATED;
  }

  /** The update finished: {@code UPDATE_COMPLETE}. */
  public static ClusterTarget updated() {
    return UPDATED;
  }

  /** The cluster is gone (ListClusters no longer lists it, DescribeCluster answers 404). */
  public static ClusterTarget deleted() {
    return DELETED;
  }

  /**
   * A given status; {@code CREATE_COMPLETE}, {@code UPDATE_COMPLETE} and {@code DELETE_COMPLETE}
   * are {@link #created()}, {@link #updated()} and {@link #deleted()}.
   */
  public static ClusterTarget status(ClusterStatus status) {
    if (status == null || status == ClusterStatus.UNKNOWN_TO_CLIENT) {
      throw new IllegalArgumentException("a cluster status to wait for is required");
    }
    return switch (status) {
      case CREATE_COMPLETE -> CREATED;
      case UPDATE_COMPLETE -> UPDATED;
      case DELETE_COMPLETE -> DELETED;
      default -> {
        Set<ClusterStatus> failing = EnumSet.copyOf(FAILED_STATUSES);
        if (status != DELETE_IN_PROGRESS && status != DELETE_FAILED) {
          failing.add(DELETE_IN_PROGRESS);
        }
        failing.remove(status);
        yield new ClusterTarget(
            status.name(),
            EnumSet.of(status),
            failing,
            EnumSet.noneOf(CloudFormationStackStatus.class),
            false);
      }
    };
  }

  /**
   * The target named by a {@code targetStatus} option: a {@link ClusterStatus} name, or {@code
   * DELETED} (case-insensitive).
   *
   * @throws IllegalArgumentException for anything else, naming the accepted values
   */
  public static ClusterTarget parse(String targetStatus) {
    String text = targetStatus == null ? "" : targetStatus.strip().toUpperCase(Locale.ROOT);
    if (text.equals(DELETED.name)) {
      return DELETED;
    }
    for (ClusterStatus status : ClusterStatus.values()) {
      if (status != ClusterStatus.UNKNOWN_TO_CLIENT && status.name().equals(text)) {
        return status(status);
      }
    }
    throw new IllegalArgumentException(
        "targetStatus must be DELETED or a cluster status ("
            + String.join(", ", Names.of(ClusterStatus.values(), ClusterStatus.UNKNOWN_TO_CLIENT))
            + "), got "
            + Names.quote(targetStatus));
  }

  /** The name of the target, e.g. {@code CREATE_COMPLETE} or {@code DELETED}. */
  public String name() {
    return name;
  }

  /** Whether a cluster no longer listed has reached this target. */
  public boolean isReachedWhenGone() {
    return goneReached;
  }

  /** What an observed cluster (null: no longer listed) means for a waiter on this target. */
  Outcome judge(ClusterInfoSummary cluster) {
    if (cluster == null) {
      return goneReached ? Outcome.REACHED : Outcome.FAILED;
    }
    if (reached.contains(cluster.clusterStatus())) {
      return Outcome.REACHED;
    }
    if (failed.contains(cluster.clusterStatus())
        || failedStacks.contains(cluster.cloudformationStackStatus())) {
      return Outcome.FAILED;
    }
    return Outcome.WAITING;
  }

  @Override
  public String toString() {
    return name;
  }
}
