package io.camelpcluster.pcluster.api;

import io.camelpcluster.pcluster.api.model.Page;
import io.camelpcluster.pcluster.api.model.PaginatedRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks every page of a paginated operation, one page at a time. It goes on while an answer carries
 * a {@code nextToken} (empty pages included) and stops when the token is absent or equals the one
 * just sent (CloudWatch log events signal their end that way).
 */
final class Paginator {
  private Paginator() {}

  /** All items, fetching the pages one after the other. */
  static <R extends PaginatedRequest<R>, T> CompletableFuture<List<T>> collectAll(
      R first, Function<R, CompletableFuture<? extends Page<T>>> fetch) {
    List<T> items = Collections.synchronizedList(new ArrayList<>());
    return collectFrom(first, fetch, items).thenApply(done -> List.copyOf(items));
  }

  /** A lazy stream of the items: a page is fetched when the previous one is used up. */
  static <R extends PaginatedRequest<R>, T> Stream<T> stream(
      R first, Function<R, ? extends Page<T>> fetch) {
    return StreamSupport.stream(new PageSpliterator<>(first, fetch), false);
  }

  /** The request for the page after {@code page}, or null when {@code page} is the last. */
  static <R extends PaginatedRequest<R>> R next(R sent, Page<?> page) {
    String token = page.nextToken();
    return token == null || token.isEmpty() || Objects.equals(token, sent.nextToken())
        ? null
        : sent.withNextToken(token);
  }

  private static <R extends PaginatedRequest<R>, T> CompletableFuture<Void> collectFrom(
      R request, Function<R, CompletableFuture<? extends Page<T>>> fetch, List<T> items) {
    return fetch
        .apply(request)
        .thenCompose(
            page -> {
              items.addAll(page.items());
              R next = next(request, page);
              return next == null
                  ? CompletableFuture.completedFuture(null)
                  : collectFrom(next, fetch, items);
            });
  }

  private static final class PageSpliterator<R extends PaginatedRequest<R>, T>
      extends Spliterators.AbstractSpliterator<T> {
    private final Function<R, ? extends Page<T>> fetch;
    private R next;
    private Iterator<T> current = Collections.emptyIterator();

    PageSpliterator(R first, Function<R, ? extends Page<T>> fetch) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.next = first;
      this.fetch = fetch;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
      while (!current.hasNext()) {
        if (next == null) {
          return false;
        }
        R request = next;
        Page<T> page = fetch.apply(request);
        current = page.items().iterator();
        next = Paginator.next(request, page);
      }
      action.accept(current.next());
      return true;
    }
  }
}
