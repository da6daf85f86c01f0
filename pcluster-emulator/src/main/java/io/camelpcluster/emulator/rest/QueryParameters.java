package io.camelpcluster.emulator.rest;

import io.camelpcluster.emulator.model.ApiException;
import io.camelpcluster.emulator.model.PyRepr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The query string of a request, with typed accessors that fail as the real server (connexion)
 * does: booleans are case-insensitive, arrays repeat the key, errors are 400 {@code Bad Request}.
 */
public final class QueryParameters {
  private final Map<String, List<String>> values;

  private QueryParameters(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Parses a raw (still percent-encoded) query string; null means none. */
  public static QueryParameters parse(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = UriCodec.decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : UriCodec.decodeQuery(pair.substring(eq + 1));
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    return new QueryParameters(values);
  }

  /** The first value of a parameter, if given. */
  public Optional<String> string(String name) {
    List<String> list = values.get(name);
    return list == null ? Optional.empty() : Optional.of(list.get(0));
  }

  /** A parameter that must be given. */
  public String required(String name) {
    return string(name)
        .orElseThrow(() -> ApiException.badRequest("Missing query parameter '" + name + "'"));
  }

  /** Every value of a repeated parameter (empty when absent). */
  public List<String> list(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** A boolean, spelled in any case. */
  public boolean bool(String name, boolean defaultValue) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    return switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw wrongType("boolean", name);
    };
  }

  /** An integer, if given. */
  public Optional<Integer> integer(String name) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(value.get().trim()));
    } catch (NumberFormatException e) {
      throw wrongType("integer", name);
    }
  }

  /** A value from a fixed set (enum values are case-sensitive), if given. */
  public Optional<String> oneOf(String name, List<String> allowed) {
    Optional<String> value = string(name);
    value.ifPresent(v -> requireOneOf(v, allowed));
    return value;
  }

  /** A repeated parameter whose values must be unique and from a fixed set. */
  public List<String> uniqueListOf(String name, List<String> allowed) {
    List<String> list = list(name);
    requireUnique(list);
    list.forEach(v -> requireOneOf(v, allowed));
    return list;
  }

  /** A repeated parameter whose values must be unique and match a pattern. */
  public List<String> uniqueListMatching(String name, Pattern pattern) {
    List<String> list = list(name);
    requireUnique(list);
    for (String v : list) {
      if (!pattern.matcher(v).matches()) {
        throw ApiException.badRequest(
            PyRepr.of(v) + " does not match " + PyRepr.of(pattern.pattern()));
      }
    }
    return list;
  }

  private static void requireOneOf(String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw ApiException.badRequest(PyRepr.of(value) + " is not one of " + PyRepr.of(allowed));
    }
  }

  private static void requireUnique(List<String> list) {
    if (new LinkedHashSet<>(list).size() != list.size()) {
      throw ApiException.badRequest(PyRepr.of(list) + " has non-unique elements");
    }
  }

  private static ApiException wrongType(String type, String name) {
    return ApiException.badRequest(
        "Wrong type, expected '" + type + "' for query parameter '" + name + "'");
  }
}
