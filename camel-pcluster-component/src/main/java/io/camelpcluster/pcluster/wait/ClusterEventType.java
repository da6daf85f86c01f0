package io.camelpcluster.pcluster.wait;

/** What happened to a cluster between two polls. */
public enum ClusterEventType {
  /** A cluster appeared (or, on the first poll with {@code emitInitialState}, is present). */
  CREATED,
  /** Its status changed. */
  STATUS_CHANGED,
  /** It is no longer listed: the deletion finished. */
  DELETED
}
