package io.camelpcluster.emulator.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The parameters of a raw query string, in the order received, percent-encoding intact. */
record QueryParameters(List<Parameter> parameters) {

  /** One {@code name=value} pair as received; a pair without {@code '='} has an empty value. */
  record Parameter(String rawName, String rawValue) {
    String name() {
      return UriEncoding.decodeToString(rawName);
    }

    String value() {
      return UriEncoding.decodeToString(rawValue);
    }
  }

  QueryParameters {
    parameters = List.copyOf(parameters);
  }

  static QueryParameters parse(String rawQuery) {
    List<Parameter> parameters = new ArrayList<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        if (!pair.isEmpty()) {
          int equals = pair.indexOf('=');
          parameters.add(
              equals < 0
                  ? new Parameter(pair, "")
                  : new Parameter(pair.substring(0, equals), pair.substring(equals + 1)));
        }
      }
    }
    return new QueryParameters(parameters);
  }

  /** The decoded value of the first parameter named {@code name} (exact case). */
  Optional<String> first(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst();
  }

  boolean contains(String name) {
    return first(name).isPresent();
  }

  /**
   * The canonical query string: names and values decoded then re-encoded, sorted by name then
   * value, without parameters named {@code excludedName} (null excludes nothing). Like the AWS
   * SDKs, a parameter with an empty name is not signed.
   */
  String canonical(String excludedName) {
    return parameters.stream()
        .filter(p -> !p.rawName().isEmpty() && !p.name().equals(excludedName))
        .map(
            p -> Map.entry(UriEncoding.canonical(p.rawName()), UriEncoding.canonical(p.rawValue())))
        .sorted(
            Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
        .map(p -> p.getKey() + "=" + p.getValue())
        .collect(Collectors.joining("&"));
  }
}
