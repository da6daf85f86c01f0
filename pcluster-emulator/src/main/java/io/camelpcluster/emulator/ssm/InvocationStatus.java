package io.camelpcluster.emulator.ssm;

/**
 * The status of a command invocation with its wire spelling ({@code CommandInvocationStatus}) and
 * the {@code StatusDetails} that goes with it.
 */
enum InvocationStatus {
  PENDING("Pending", "Pending"),
  IN_PROGRESS("InProgress", "InProgress"),
  CANCELLING("Cancelling", "Cancelling"),
  SUCCESS("Success", "Success"),
  FAILED("Failed", "Failed"),
  TIMED_OUT("TimedOut", "ExecutionTimedOut"),
  CANCELLED("Cancelled", "Cancelled");

  private final String wireName;
  private final String details;

  InvocationStatus(String wireName, String details) {
    this.wireName = wireName;
    this.details = details;
  }

  String wireName() {
    return wireName;
  }

  String details() {
    return details;
  }

  /** Whether the invocation is over (the {@code Complete} execution stage). */
  boolean terminal() {
    return this == SUCCESS || this == FAILED || this == TIMED_OUT || this == CANCELLED;
  }

  /** The status spelled {@code wireName}, or null. */
  static InvocationStatus ofWireName(String wireName) {
    for (InvocationStatus status : values()) {
      if (status.wireName.equals(wireName)) {
        return status;
      }
    }
    return null;
  }
}
