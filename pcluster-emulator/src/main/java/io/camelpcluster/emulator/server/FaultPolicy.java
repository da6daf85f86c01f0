package io.camelpcluster.emulator.server;

import java.util.Optional;

/** Gateway-level faults the pipeline applies around API calls. */
public interface FaultPolicy {

  /**
   * Called once per API request before it is dispatched: waits for any injected latency and returns
   * the fault answer to send instead of dispatching, if one is due.
   */
  Optional<HttpResult> beforeDispatch();

  /** Called after a mutating call was applied: whether to answer 504 instead of its result. */
  boolean timeoutAfterApply();
}
