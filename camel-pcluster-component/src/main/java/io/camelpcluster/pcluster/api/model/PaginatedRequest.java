package io.camelpcluster.pcluster.api.model;

/**
 * A request of a paginated operation.
 *
 * @param <R> the request type itself
 */
public interface PaginatedRequest<R extends PaginatedRequest<R>> {

  /** The page token to send, or null for the first page. */
  String nextToken();

  /** A copy of this request asking for the page of {@code token}. */
  R withNextToken(String token);
}
