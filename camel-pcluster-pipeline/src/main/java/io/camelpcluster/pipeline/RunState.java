package io.camelpcluster.pipeline;

/** Where a run of the pipeline stands. */
public enum RunState {
  /** In progress (in this process, or in one that died: see {@link #ABANDONED}). */
  RUNNING,
  /** Ended with the results in the results bucket. */
  SUCCEEDED,
  /** Ended with an error report; the input is not retried. */
  FAILED,
  /** Was running in a process that is gone; its input is processed again once. */
  ABANDONED;

  /** Whether the run has ended. */
  public boolean ended() {
    return this != RUNNING;
  }
}
