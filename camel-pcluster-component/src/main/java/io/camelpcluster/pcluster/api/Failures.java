package io.camelpcluster.pcluster.api;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for failures that travel through {@link java.util.concurrent.CompletableFuture}s. */
final class Failures {
  private Failures() {}

  /** The failure inside {@link CompletionException} and {@link ExecutionException} wrappers. */
  static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** The failure as a {@link CompletionException}, to rethrow inside a future's stage. */
  static CompletionException asCompletionException(Throwable failure) {
    return failure instanceof CompletionException completion
        ? completion
        : new CompletionException(failure);
  }
}
