package io.camelpcluster.emulator.config;

import io.camelpcluster.emulator.model.ConfigValidationMessage;
import java.util.List;

/**
 * The findings that survived suppression, split by the failure level.
 *
 * @param findings every finding that was not suppressed
 * @param failed whether any is at or above the failure level
 */
public record ValidationReport(List<ValidationFinding> findings, boolean failed) {

  /** Applies a policy to raw findings. */
  public static ValidationReport of(List<ValidationFinding> raw, ValidationPolicy policy) {
    List<ValidationFinding> kept = raw.stream().filter(f -> !policy.suppresses(f)).toList();
    boolean failed = kept.stream().anyMatch(f -> f.level().fails(policy.failureLevel()));
    return new ValidationReport(kept, failed);
  }

  /** The findings as wire messages, or null when there are none (so the field is omitted). */
  public List<ConfigValidationMessage> messagesOrNull() {
    return findings.isEmpty() ? null : findings.stream().map(ValidationFinding::toMessage).toList();
  }
}
