package io.camelpcluster.emulator.config;

import io.camelpcluster.emulator.model.ValidationLevel;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a request wants findings treated: the lowest level that fails it, and the validators it
 * suppresses ({@code ALL} or {@code type:<ValidatorClassName>}; the schema is never suppressed).
 */
public record ValidationPolicy(
    ValidationLevel failureLevel, boolean suppressAll, Set<String> types) {

  /** From the query's {@code validationFailureLevel} and {@code suppressValidators}. */
  public static ValidationPolicy of(ValidationLevel failureLevel, List<String> suppressValidators) {
    boolean all = suppressValidators.contains("ALL");
    Set<String> types =
        suppressValidators.stream()
            .filter(s -> s.startsWith("type:"))
            .map(s -> s.substring("type:".length()))
            .collect(Collectors.toUnmodifiableSet());
    return new ValidationPolicy(failureLevel, all, types);
  }

  /** Whether this finding is dropped. */
  public boolean suppresses(ValidationFinding finding) {
    if (finding.validator().equals(ValidationFinding.SCHEMA_VALIDATOR)) {
      return false;
    }
    return suppressAll || types.contains(finding.validator());
  }
}
