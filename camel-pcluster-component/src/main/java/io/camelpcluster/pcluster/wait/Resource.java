package io.camelpcluster.pcluster.wait;

import java.util.concurrent.CompletableFuture;

/**
 * A kind of resource that can be waited on, as one poller sees it: how an observed state reads,
 * what a waiter gets, and why a failed state failed.
 *
 * @param <S> the observed state (null: the resource does not exist)
 * @param <R> what a waiter gets once the target is reached
 */
sealed interface Resource<S, R> permits ClusterResource, ImageResource, FleetResource {

  /** What it is, for messages: {@code cluster}, {@code image}, {@code compute fleet}. */
  String kind();

  /** The state for logs and exceptions, e.g. {@code CREATE_FAILED (stack ROLLBACK_COMPLETE)}. */
  String label(S state);

  /** Whether two non-null observations show the same state. */
  boolean same(S a, S b);

  /** What a waiter gets, from the state that reached the target or the last one seen (or null). */
  R result(S state);

  /**
   * Why the resource ended in {@code state} (null: it no longer exists), as the service tells it;
   * never fails, a lookup error becomes part of the text.
   */
  CompletableFuture<String> reason(String name, S state);
}
