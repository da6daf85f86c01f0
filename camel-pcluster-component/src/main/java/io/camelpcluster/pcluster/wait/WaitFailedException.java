package io.camelpcluster.pcluster.wait;

import java.time.Duration;

/**
 * The resource reached a state from which the target cannot be reached, e.g. {@code CREATE_FAILED}
 * while waiting for {@code CREATE_COMPLETE}. The reason comes from the service: DescribeCluster's
 * {@code failures}, the first failed resource among the stack events, the image's stack status
 * reason.
 */
public final class WaitFailedException extends WaitException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  WaitFailedException(
      String kind, String name, String target, String state, String reason, Duration elapsed) {
    super(
        kind
            + " "
            + name
            + " ended "
            + state
            + " after "
            + Elapsed.format(elapsed)
            + " while waiting for "
            + target
            + (reason == null ? "" : ": " + reason),
        kind,
        name,
        target,
        state,
        elapsed);
    this.reason = reason;
  }

  /** Why, as reported by the service; null when it could not be found out. */
  public String reason() {
    return reason;
  }
}
