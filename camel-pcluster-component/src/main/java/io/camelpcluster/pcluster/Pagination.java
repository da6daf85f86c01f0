package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.model.Page;
import io.camelpcluster.pcluster.api.model.PaginatedRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.camel.Message;

/**
 * Paginated operations: one page in the body with the next page's token in {@link
 * PclusterConstants#NEXT_TOKEN}, or with {@code allPages=true} every item as one list.
 */
final class Pagination {

  private Pagination() {}

  static <R extends PaginatedRequest<R>, P extends Page<T>, T> CompletableFuture<Void> fetch(
      OperationCall call,
      R request,
      Function<R, CompletableFuture<P>> onePage,
      Function<R, CompletableFuture<List<T>>> allPages) {
    Message message = call.message();
    if (call.configuration().isAllPages()) {
      return allPages
          .apply(request)
          .thenAccept(
              items -> {
                message.setBody(items);
                ResultHeaders.nextToken(message, null);
              });
    }
    return onePage
        .apply(request)
        .thenAccept(
            page -> {
              message.setBody(page);
              ResultHeaders.nextToken(message, page.nextToken());
            });
  }
}
