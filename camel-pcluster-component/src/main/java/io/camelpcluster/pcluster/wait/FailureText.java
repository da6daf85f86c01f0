package io.camelpcluster.pcluster.wait;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Joins the parts of a failure reason that come from separate lookups. */
final class FailureText {
  private FailureText() {}

  /**
   * The non-null parts joined with {@code "; "}; a failed lookup contributes {@code "reason
   * unavailable: <message>"}; null when there is nothing to say. Never fails.
   */
  @SafeVarargs
  static CompletableFuture<String> join(CompletableFuture<String>... parts) {
    List<CompletableFuture<String>> safe = new ArrayList<>(parts.length);
    for (CompletableFuture<String> part : parts) {
      safe.add(
          part.handle(
              (text, error) ->
                  error == null ? text : "reason unavailable: " + unwrap(error).getMessage()));
    }
    return CompletableFuture.allOf(safe.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<String> texts = new ArrayList<>();
              for (CompletableFuture<String> part : safe) {
                String text = part.join();
                if (text != null && !text.isBlank() && !texts.contains(text)) {
                  texts.add(text);
                }
              }
              return texts.isEmpty() ? null : String.join("; ", texts);
            });
  }

  /** The failure inside a {@link CompletionException}. */
  static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while (current instanceof CompletionException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
