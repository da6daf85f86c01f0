package io.camelpcluster.emulator.rest;

import io.camelpcluster.emulator.config.ValidationPolicy;
import io.camelpcluster.emulator.logs.LogEventsQuery;
import io.camelpcluster.emulator.model.ApiException;
import io.camelpcluster.emulator.model.PyRepr;
import io.camelpcluster.emulator.model.ValidationLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The parameters several operations share, validated with the server's messages. */
final class ApiParameters {
  /** The pattern of cluster names and image ids. */
  static final Pattern NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9-]+$");

  private static final Pattern SUPPRESS = Pattern.compile("^(ALL|type:[A-Za-z0-9]+)$");
  private static final List<String> LEVELS =
      Arrays.stream(ValidationLevel.values()).map(Enum::name).toList();

  private ApiParameters() {}

  /** A path parameter that must match the name pattern. */
  static String name(OperationRequest request, String parameter) {
    String value = request.path(parameter);
    if (!NAME.matcher(value).matches()) {
      throw ApiException.badRequest(
          PyRepr.of(value) + " does not match " + PyRepr.of(NAME.pattern()));
    }
    return value;
  }

  /** {@code suppressValidators} and {@code validationFailureLevel} (default ERROR). */
  static ValidationPolicy validationPolicy(QueryParameters query) {
    List<String> suppress = query.uniqueListMatching("suppressValidators", SUPPRESS);
    ValidationLevel level =
        query
            .oneOf("validationFailureLevel", LEVELS)
            .map(ValidationLevel::valueOf)
            .orElse(ValidationLevel.ERROR);
    return ValidationPolicy.of(level, suppress);
  }

  /** The parameters of Get*LogEvents, checked in the server's order. */
  static LogEventsQuery logEventsQuery(QueryParameters query) {
    String token = query.string("nextToken").orElse(null);
    boolean startFromHead = query.bool("startFromHead", false);
    Integer limit = query.integer("limit").orElse(null);
    Instant start = query.string("startTime").map(t -> timestamp(t, "start_time")).orElse(null);
    Instant end = query.string("endTime").map(t -> timestamp(t, "end_time")).orElse(null);
    if (start != null && end != null && !start.isBefore(end)) {
      throw ApiException.badRequest("start_time filter must be earlier than end_time filter.");
    }
    if (limit != null && limit <= 0) {
      throw ApiException.badRequest("'limit' must be a positive integer.");
    }
    return new LogEventsQuery(start, end, startFromHead, limit, token);
  }

  /** An ISO-8601 timestamp in any of its common forms; no zone means UTC. */
  static Instant timestamp(String text, String name) {
    String value = text.trim();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          name
              + " filter must be in the ISO 8601 format: YYYY-MM-DDThh:mm:ssZ. (e.g."
              + " 1984-09-15T19:20:30Z or 1984-09-15).");
    }
  }
}
