package io.camelpcluster.pcluster.wait;

/** What a waiter makes of an observed state. */
enum Outcome {
  /** Not there yet: keep polling. */
  WAITING,
  /** The target is reached: the waiter completes. */
  REACHED,
  /** The target can no longer be reached: the waiter fails. */
  FAILED
}
