package io.camelpcluster.pcluster.api;

/**
 * Internal signal: an attempt of a non-idempotent call failed in a way that does not tell whether
 * it took effect, so the caller must look before trying again.
 */
final class MaybeAppliedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int attempt;
  private final transient ParallelClusterException failure;

  MaybeAppliedException(int attempt, ParallelClusterException failure) {
    super(failure.getMessage(), failure, false, false);
    this.attempt = attempt;
    this.failure = failure;
  }

  /** The attempt that failed. */
  int attempt() {
    return attempt;
  }

  /** What to report if the call is given up. */
  ParallelClusterException failure() {
    return failure;
  }
}
