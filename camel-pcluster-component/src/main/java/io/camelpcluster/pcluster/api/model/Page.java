package io.camelpcluster.pcluster.api.model;

import java.util.List;

/**
 * One page of a paginated answer.
 *
 * @param <T> the item type
 */
public interface Page<T> {

  /** The items of this page; may be empty even when more pages follow. */
  List<T> items();

  /** The token that asks for the next page, or null on the last page. */
  String nextToken();
}
