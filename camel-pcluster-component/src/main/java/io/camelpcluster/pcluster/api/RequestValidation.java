package io.camelpcluster.pcluster.api;

import io.camelpcluster.pcluster.api.model.LogEventsQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Client-side checks of a request before it is sent; collects every problem and throws one {@link
 * ClientValidationException}. Values are checked, never rewritten.
 */
final class RequestValidation {
  static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]+");
  static final int MAX_CLUSTER_NAME = 60;
  static final int MAX_IMAGE_ID = 128;
  static final int MAX_LOG_STREAM_NAME = 512;
  static final int MAX_PARAMETER = 2048;
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
  private static final Pattern VALIDATOR = Pattern.compile("ALL|type:[A-Za-z0-9]+");
  private static final Pattern FILTER =
      Pattern.compile("Name=(private-dns-name|node-type),Values=[A-Za-z0-9_.-]+");

  private final String operation;
  private final List<String> problems = new ArrayList<>();
  private Throwable cause;

  private RequestValidation(String operation) {
    this.operation = operation;
  }

  static RequestValidation of(String operation) {
    return new RequestValidation(operation);
  }

  /** Throws when any problem was found. */
  void validate() {
    if (!problems.isEmpty()) {
      throw new ClientValidationException(operation, problems, cause);
    }
  }

  RequestValidation required(String field, Object value) {
    if (value == null) {
      problems.add(field + " is required");
    }
    return this;
  }

  /** 2-60 characters: a letter, then letters, digits or hyphens. */
  RequestValidation clusterName(String value) {
    return name("clusterName", value, MAX_CLUSTER_NAME);
  }

  /** 2-128 characters: a letter, then letters, digits or hyphens. */
  RequestValidation imageId(String value) {
    return name("imageId", value, MAX_IMAGE_ID);
  }

  /** Optional; a region code such as {@code eu-west-1} or {@code us-gov-east-1}. */
  RequestValidation region(String value) {
    if (value != null && !isRegionCode(value)) {
      problems.add(
          "region must be an AWS region code such as eu-west-1, got " + Texts.quote(value));
    }
    return this;
  }

  /** Whether the value looks like an AWS region code. */
  static boolean isRegionCode(String value) {
    return value.length() <= 32 && REGION.matcher(value).matches();
  }

  /** Required; must parse as a YAML mapping within {@link SafeYaml}'s limits. */
  RequestValidation configuration(String field, String yaml) {
    if (yaml == null) {
      problems.add(field + " is required");
      return this;
    }
    try {
      SafeYaml.parseMapping(yaml);
    } catch (InvalidConfigurationException e) {
      problems.add(field + ": " + e.getMessage());
      cause = e;
    }
    return this;
  }

  /** Each item {@code ALL} or {@code type:<ValidatorName>}. */
  RequestValidation suppressValidators(Collection<String> validators) {
    for (String validator : validators) {
      if (validator.length() > 256 || !VALIDATOR.matcher(validator).matches()) {
        problems.add(
            "suppressValidators items must be ALL or type:<ValidatorName>, got "
                + Texts.quote(validator));
      }
    }
    return this;
  }

  /** An enum constant the service knows (not {@code UNKNOWN_TO_CLIENT}). */
  RequestValidation known(String field, Enum<?> value) {
    if (value != null && value.name().equals("UNKNOWN_TO_CLIENT")) {
      problems.add(field + " cannot be " + value.name());
    }
    return this;
  }

  /** Required, at most 512 characters, no control characters. */
  RequestValidation logStreamName(String value) {
    if (value == null || value.isEmpty()) {
      problems.add("logStreamName is required");
    } else {
      text("logStreamName", value, MAX_LOG_STREAM_NAME);
    }
    return this;
  }

  /** Optional free text (a token, a queue name): bounded, without control characters. */
  RequestValidation text(String field, String value, int maxLength) {
    if (value == null) {
      return this;
    }
    if (value.length() > maxLength) {
      problems.add(
          field + " must be at most " + maxLength + " characters, got " + Texts.quote(value));
    } else if (value.chars().anyMatch(Character::isISOControl)) {
      problems.add(field + " must not contain control characters, got " + Texts.quote(value));
    }
    return this;
  }

  /** Positive limit, start before end. */
  RequestValidation logEventsQuery(LogEventsQuery query) {
    text("nextToken", query.nextToken(), MAX_PARAMETER);
    if (query.limit() != null && query.limit() <= 0) {
      problems.add("limit must be a positive integer, got " + query.limit());
    }
    if (query.startTime() != null
        && query.endTime() != null
        && !query.startTime().isBefore(query.endTime())) {
      problems.add(
          "startTime must be earlier than endTime, got "
              + query.startTime()
              + " and "
              + query.endTime());
    }
    return this;
  }

  /** Each {@code Name=private-dns-name|node-type,Values=<value>}. */
  RequestValidation logStreamFilters(List<String> filters) {
    for (String filter : filters) {
      if (filter.length() > 256 || !FILTER.matcher(filter).matches()) {
        problems.add(
            "filters items must look like Name=private-dns-name,Values=ip-10-0-0-101 or"
                + " Name=node-type,Values=HeadNode, got "
                + Texts.quote(filter));
      }
    }
    return this;
  }

  private RequestValidation name(String field, String value, int maxLength) {
    if (value == null) {
      problems.add(field + " is required");
    } else if (value.length() > maxLength) {
      problems.add(
          field + " must be at most " + maxLength + " characters long, got " + Texts.quote(value));
    } else if (!NAME.matcher(value).matches()) {
      problems.add(
          field
              + " must start with a letter and contain only ASCII letters, digits and hyphens"
              + " (at least 2 characters), got "
              + Texts.quote(value));
    }
    return this;
  }
}
