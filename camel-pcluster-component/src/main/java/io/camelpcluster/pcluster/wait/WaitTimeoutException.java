package io.camelpcluster.pcluster.wait;

import java.time.Duration;

/** The target was not reached within the wait timeout. */
public final class WaitTimeoutException extends WaitException {
  private static final long serialVersionUID = 1L;

  WaitTimeoutException(String kind, String name, String target, String state, Duration elapsed) {
    super(
        "timed out after "
            + Elapsed.format(elapsed)
            + " waiting for "
            + kind
            + " "
            + name
            + " to reach "
            + target
            + "; last state: "
            + state,
        kind,
        name,
        target,
        state,
        elapsed);
  }
}
