package io.camelpcluster.emulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelpcluster.emulator.model.Change;
import io.camelpcluster.emulator.model.UpdateError;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The update policies of configuration keys: which changes an update may carry, and what they need
 * first (a stopped compute fleet, or a queue update strategy).
 */
public enum UpdatePolicy {
  /** Can be changed at any time. */
  SUPPORTED,
  /** Can never be changed: a new cluster is needed. */
  UNSUPPORTED,
  /** Needs the compute fleet stopped. */
  COMPUTE_FLEET_STOP,
  /** Needs the compute fleet stopped, or {@code SlurmSettings.QueueUpdateStrategy} set. */
  QUEUE_UPDATE_STRATEGY;

  static final String FLEET_STOP_MESSAGE =
      "All compute nodes must be stopped. Stop the compute fleet with the pcluster"
          + " update-compute-fleet command";
  static final String QUEUE_STRATEGY_MESSAGE =
      "All compute nodes must be stopped or QueueUpdateStrategy must be set. Stop the compute fleet"
          + " with the pcluster update-compute-fleet command, or set QueueUpdateStrategy in the"
          + " configuration used for the 'update-cluster' operation";

  private static final Set<String> UNSUPPORTED_KEYS =
      Set.of(
          "Region",
          "Image.Os",
          "Image.CustomAmi",
          "HeadNode.InstanceType",
          "HeadNode.Networking.SubnetId",
          "HeadNode.Ssh.KeyName",
          "Scheduling.Scheduler",
          "CustomS3Bucket",
          "AdditionalResources");
  private static final String QUEUES = "Scheduling.SlurmQueues[]";
  private static final String COMPUTE_RESOURCES = QUEUES + ".ComputeResources[]";

  /** The policy of one change. */
  public static UpdatePolicy of(ConfigChange change) {
    String key = change.policyKey();
    if (UNSUPPORTED_KEYS.contains(key) || key.startsWith("HeadNode.LocalStorage")) {
      return UNSUPPORTED;
    }
    if (key.equals("Scheduling.SlurmSettings.ScaledownIdletime")
        || key.startsWith("Scheduling.SlurmSettings.Database")
        || key.startsWith("SharedStorage")) {
      return COMPUTE_FLEET_STOP;
    }
    boolean removal = change.requested() == null;
    if ((key.equals(QUEUES) || key.equals(COMPUTE_RESOURCES)) && removal) {
      return COMPUTE_FLEET_STOP;
    }
    if (key.equals(COMPUTE_RESOURCES + ".InstanceType")
        || key.startsWith(COMPUTE_RESOURCES + ".Instances")
        || key.startsWith(COMPUTE_RESOURCES + ".Efa")
        || key.startsWith(QUEUES + ".Networking")
        || key.equals(QUEUES + ".CapacityType")) {
      return QUEUE_UPDATE_STRATEGY;
    }
    if ((key.equals(COMPUTE_RESOURCES + ".MinCount") || key.equals(COMPUTE_RESOURCES + ".MaxCount"))
        && decreases(change)) {
      return QUEUE_UPDATE_STRATEGY;
    }
    return SUPPORTED;
  }

  /**
   * The changes the policies refuse.
   *
   * @param changes the changes of the update
   * @param fleetStopped whether the compute fleet is stopped
   * @param queueUpdateStrategy whether the requested configuration sets a queue update strategy
   */
  public static List<UpdateError> check(
      List<ConfigChange> changes, boolean fleetStopped, boolean queueUpdateStrategy) {
    return changes.stream()
        .map(
            change ->
                switch (of(change)) {
                  case SUPPORTED -> null;
                  case UNSUPPORTED -> error(change, unsupportedMessage(change));
                  case COMPUTE_FLEET_STOP ->
                      fleetStopped ? null : error(change, FLEET_STOP_MESSAGE);
                  case QUEUE_UPDATE_STRATEGY ->
                      fleetStopped || queueUpdateStrategy
                          ? null
                          : error(change, QUEUE_STRATEGY_MESSAGE);
                })
        .filter(Objects::nonNull)
        .toList();
  }

  private static UpdateError error(ConfigChange change, String message) {
    Change wire = change.toChange();
    return new UpdateError(wire.parameter(), wire.currentValue(), wire.requestedValue(), message);
  }

  private static String unsupportedMessage(ConfigChange change) {
    return "Update actions are not currently supported for the '"
        + change.parameter()
        + "' parameter. Restore '"
        + change.parameter()
        + "' value to '"
        + ConfigChange.text(change.current())
        + "'. If you need this change, please consider creating a new cluster instead of updating"
        + " the existing one.";
  }

  private static boolean decreases(ConfigChange change) {
    JsonNode before = change.current();
    JsonNode after = change.requested();
    if (before == null) {
      return false;
    }
    BigInteger old = Schema.Int.integer(before);
    BigInteger neu = after == null ? null : Schema.Int.integer(after);
    return old != null && (neu == null || neu.compareTo(old) < 0);
  }
}
