package io.camelpcluster.emulator.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a request says about its signature, from its {@code Authorization} header or, for a
 * presigned URL, from its {@code X-Amz-*} query parameters.
 *
 * @param signatureParameter the query parameter carrying the signature (left out of the canonical
 *     query), or null for header authentication
 * @param signedHeaders lower-case names, in the client's order
 * @param validity how long after {@code time} the signature may be used
 * @param securityToken the presented session token, or null
 */
record SignatureParameters(
    String signatureParameter,
    String algorithm,
    String credential,
    List<String> signedHeaders,
    String signature,
    RequestTime time,
    Duration validity,
    String securityToken) {

  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private static final Duration MAX_PRESIGNED_VALIDITY = Duration.ofDays(7);
  private static final String SECURITY_TOKEN = "X-Amz-Security-Token";
  private static final List<String> HEADER_PARAMETERS =
      List.of("Credential", "Signature", "SignedHeaders");
  private static final List<String> QUERY_PARAMETERS =
      List.of(
          "X-Amz-Algorithm",
          "X-Amz-Credential",
          "X-Amz-Signature",
          "X-Amz-SignedHeaders",
          "X-Amz-Date");

  SignatureParameters {
    signedHeaders = List.copyOf(signedHeaders);
  }

  /**
   * Reads the signature from the {@code Authorization} header, else from presigned query
   * parameters.
   *
   * @throws SignatureRejection when there is neither, or what is there is incomplete
   */
  static SignatureParameters of(SignedRequest request, QueryParameters query) {
    Optional<String> authorization =
        request.firstHeader("Authorization").filter(value -> !value.isBlank());
    if (authorization.isPresent()) {
      return fromAuthorizationHeader(authorization.get(), request);
    }
    if (query.contains("X-Amz-Algorithm")
        || query.contains("X-Amz-Credential")
        || query.contains("X-Amz-Signature")) {
      return fromQuery(query, request);
    }
    throw SignatureRejection.missingAuthenticationToken();
  }

  private static SignatureParameters fromAuthorizationHeader(
      String authorization, SignedRequest request) {
    String value = authorization.strip();
    int space = firstWhitespace(value);
    Map<String, String> pairs = new HashMap<>();
    if (space >= 0) {
      for (String part : value.substring(space + 1).split(",")) {
        String pair = part.strip();
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        if (equals < 0) {
          throw SignatureRejection.invalidKeyValuePair(authorization);
        }
        pairs.putIfAbsent(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
      }
    }
    Optional<String> amzDate = request.firstHeader("X-Amz-Date");
    Optional<String> httpDate = request.firstHeader("Date");
    List<String> problems = new ArrayList<>();
    HEADER_PARAMETERS.stream()
        .filter(name -> !pairs.containsKey(name))
        .forEach(name -> problems.add("Authorization header requires '" + name + "' parameter."));
    if (amzDate.isEmpty() && httpDate.isEmpty()) {
      problems.add(
          "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }
    if (!problems.isEmpty()) {
      throw SignatureRejection.incompleteAuthorization(problems, authorization);
    }
    RequestTime time =
        amzDate.isPresent()
            ? RequestTime.parseAmzDate(amzDate.get())
            : RequestTime.parseHttpDate(httpDate.get());
    return new SignatureParameters(
        null,
        space < 0 ? value : value.substring(0, space),
        pairs.get("Credential"),
        signedHeaders(pairs.get("SignedHeaders")),
        pairs.get("Signature"),
        time,
        CLOCK_SKEW,
        request.firstHeader(SECURITY_TOKEN).orElse(null));
  }

  private static SignatureParameters fromQuery(QueryParameters query, SignedRequest request) {
    QUERY_PARAMETERS.stream()
        .filter(name -> !query.contains(name))
        .findFirst()
        .ifPresent(
            name -> {
              throw SignatureRejection.missingQueryParameter(name);
            });
    return new SignatureParameters(
        "X-Amz-Signature",
        query.first("X-Amz-Algorithm").orElseThrow(),
        query.first("X-Amz-Credential").orElseThrow(),
        signedHeaders(query.first("X-Amz-SignedHeaders").orElseThrow()),
        query.first("X-Amz-Signature").orElseThrow(),
        RequestTime.parseAmzDate(query.first("X-Amz-Date").orElseThrow()),
        query.first("X-Amz-Expires").map(SignatureParameters::expires).orElse(CLOCK_SKEW),
        query.first(SECURITY_TOKEN).or(() -> request.firstHeader(SECURITY_TOKEN)).orElse(null));
  }

  private static Duration expires(String seconds) {
    if (!seconds.matches("\\d{1,18}")) {
      throw SignatureRejection.expiresNotANumber();
    }
    Duration validity = Duration.ofSeconds(Long.parseLong(seconds));
    if (validity.compareTo(MAX_PRESIGNED_VALIDITY) > 0) {
      throw SignatureRejection.expiresTooLong();
    }
    return validity;
  }

  private static List<String> signedHeaders(String list) {
    return Arrays.stream(list.split(";"))
        .map(name -> name.strip().toLowerCase(Locale.ROOT))
        .filter(name -> !name.isEmpty())
        .toList();
  }

  private static int firstWhitespace(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
