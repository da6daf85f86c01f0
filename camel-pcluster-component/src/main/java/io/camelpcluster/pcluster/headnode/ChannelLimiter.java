package io.camelpcluster.pcluster.headnode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * An asynchronous semaphore: at most {@code permits} channels of one SSH connection are open at a
 * time; further requests wait in order, without a thread. A waiting request that is cancelled or
 * completed elsewhere is skipped.
 */
final class ChannelLimiter {

  private final int permits;
  private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  private int inUse;

  ChannelLimiter(int permits) {
    this.permits = permits;
  }

  /** Completes when a channel may be opened; {@link #release()} must follow exactly once. */
  CompletableFuture<Void> acquire() {
    synchronized (waiting) {
      if (inUse < permits) {
        inUse++;
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> turn = new CompletableFuture<>();
      waiting.add(turn);
      return turn;
    }
  }

  /** Hands the permit to the next live waiter, or returns it. */
  void release() {
    while (true) {
      CompletableFuture<Void> next;
      synchronized (waiting) {
        next = waiting.poll();
        if (next == null) {
          inUse--;
          return;
        }
      }
      if (next.complete(null)) {
        return;
      }
    }
  }
}
