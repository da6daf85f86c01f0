package io.camelpcluster.pcluster.api.model;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Normalises the collections of the model: absent becomes empty, nulls are dropped, order is kept
 * and every copy is immutable.
 */
final class ModelLists {
  private ModelLists() {}

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }

  static <T> Set<T> copy(Set<T> set) {
    if (set == null) {
      return Set.of();
    }
    Set<T> copy = new LinkedHashSet<>();
    set.stream().filter(Objects::nonNull).forEach(copy::add);
    return Collections.unmodifiableSet(copy);
  }
}
