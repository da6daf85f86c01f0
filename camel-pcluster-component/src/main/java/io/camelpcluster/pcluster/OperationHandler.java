package io.camelpcluster.pcluster;

import java.util.concurrent.CompletableFuture;

/** Performs one operation of the producer without blocking the calling thread. */
@FunctionalInterface
interface OperationHandler {

  /**
   * Starts the operation. Invalid inputs may throw at once; otherwise the future completes once the
   * result is in the exchange's message, or fails with the operation's exception.
   */
  CompletableFuture<Void> start(OperationCall call);

  /** A completed step, for operations with nothing left to do. */
  static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }
}
