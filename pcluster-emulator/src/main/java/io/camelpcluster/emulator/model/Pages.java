package io.camelpcluster.emulator.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Offset pagination with opaque tokens, as the AWS calls under the API paginate. */
public final class Pages {
  private Pages() {}

  /**
   * A page of items.
   *
   * @param items this page
   * @param nextToken the token of the next page, or null on the last page
   */
  public record Page<T>(List<T> items, String nextToken) {}

  /**
   * The page of {@code all} that {@code token} points to.
   *
   * @param kind what is paged, so a token of one listing is refused by another
   * @param all every item, in a stable order
   * @param token null for the first page
   * @param size most items per page
   */
  public static <T> Page<T> page(String kind, List<T> all, String token, int size) {
    int from = token == null ? 0 : offset(kind, token);
    if (from > all.size()) {
      throw invalid();
    }
    int to = Math.min(all.size(), from + size);
    String next = to < all.size() ? token(kind, to) : null;
    return new Page<>(List.copyOf(all.subList(from, to)), next);
  }

  private static String token(String kind, int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((kind + ":" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String kind, String token) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!decoded.startsWith(kind + ":")) {
        throw invalid();
      }
      int offset = Integer.parseInt(decoded.substring(kind.length() + 1));
      if (offset < 0) {
        throw invalid();
      }
      return offset;
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static ApiException invalid() {
    return ApiException.badRequest("The specified nextToken is invalid.");
  }
}
