package io.camelpcluster.pcluster;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for failures that travel through {@link java.util.concurrent.CompletableFuture}s. */
final class Completions {

  private Completions() {}

  /** The failure inside {@link CompletionException} and {@link ExecutionException} wrappers. */
  static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
