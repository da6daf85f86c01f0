package io.camelpcluster.emulator.cluster;

import java.time.Instant;

/**
 * A transition due at a point in time; the state machine applies due steps lazily, in time order,
 * whenever the state is looked at.
 *
 * @param due when it happens
 * @param kind what happens
 */
public record ScheduledStep(Instant due, Kind kind) {

  /** The transitions of a cluster. */
  public enum Kind {
    HEAD_NODE_RUNNING,
    CREATE_COMPLETE,
    CREATE_FAILED,
    ROLLBACK_COMPLETE,
    UPDATE_COMPLETE,
    DELETE_COMPLETE,
    FLEET_PROGRESS,
    STATIC_NODES_REPLACED;

    /** Whether the step belongs to the compute fleet (cancelled by a new fleet request). */
    public boolean fleet() {
      return this == FLEET_PROGRESS || this == STATIC_NODES_REPLACED;
    }
  }
}
