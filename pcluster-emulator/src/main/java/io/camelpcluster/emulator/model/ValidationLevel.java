package io.camelpcluster.emulator.model;

/** Severity of a configuration finding; declared in increasing order. */
public enum ValidationLevel {
  INFO,
  WARNING,
  ERROR;

  /** Whether a finding at this level fails a request whose failure level is {@code threshold}. */
  public boolean fails(ValidationLevel threshold) {
    return compareTo(threshold) >= 0;
  }
}
