package io.camelpcluster.pcluster.api.model;

/** Keeps large texts (YAML documents) out of {@code toString()}. */
final class ModelText {
  private ModelText() {}

  static String abbreviate(String text) {
    return text == null ? "null" : "<" + text.length() + " characters>";
  }
}
