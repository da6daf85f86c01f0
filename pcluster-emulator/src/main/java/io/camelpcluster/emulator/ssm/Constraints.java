package io.camelpcluster.emulator.ssm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The member constraints of the SSM API's shapes, checked all at once and reported together as one
 * {@code ValidationException}, worded as the service words them.
 */
final class Constraints {
  /** An EC2 instance id or a managed (hybrid) instance id. */
  static final Pattern INSTANCE_ID = Pattern.compile("(^i-(\\w{8}|\\w{17})$)|(^mi-\\w{17}$)");

  /** A document name (or ARN). */
  static final Pattern DOCUMENT_NAME = Pattern.compile("^[a-zA-Z0-9_\\-.:/]{3,128}$");

  private final List<String> problems = new ArrayList<>();

  Constraints required(String member, Object value) {
    if (value == null) {
      problems.add(
          "Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }
    return this;
  }

  Constraints length(String member, String value, int min, int max) {
    if (value != null && value.length() < min) {
      fail(member, value, "Member must have length greater than or equal to " + min);
    } else if (value != null && value.length() > max) {
      fail(member, value, "Member must have length less than or equal to " + max);
    }
    return this;
  }

  Constraints pattern(String member, String value, Pattern pattern) {
    if (value != null && !pattern.matcher(value).find()) {
      fail(member, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
    }
    return this;
  }

  Constraints range(String member, Integer value, int min, int max) {
    if (value != null && value < min) {
      fail(member, value, "Member must have value greater than or equal to " + min);
    } else if (value != null && value > max) {
      fail(member, value, "Member must have value less than or equal to " + max);
    }
    return this;
  }

  Constraints size(String member, List<?> values, int max) {
    if (values.size() > max) {
      fail(member, values, "Member must have length less than or equal to " + max);
    }
    return this;
  }

  /** Every element matches {@code pattern}. */
  Constraints eachMatches(String member, List<String> values, Pattern pattern) {
    if (values.stream().anyMatch(v -> !pattern.matcher(v).find())) {
      fail(
          member,
          values,
          "Member must satisfy constraint: [Member must satisfy regular expression pattern: "
              + pattern.pattern()
              + "]");
    }
    return this;
  }

  /** Throws the {@code ValidationException} if any constraint failed. */
  void check() {
    if (!problems.isEmpty()) {
      throw SsmException.validation(problems);
    }
  }

  private void fail(String member, Object value, String constraint) {
    problems.add(
        "Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
  }
}
