package io.camelpcluster.pcluster.headnode;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** A command or transfer ran longer than its timeout and was stopped. */
public final class CommandTimeoutException extends TimeoutException {
  private static final long serialVersionUID = 1L;

  private final String label;
  private final transient Duration timeout;

  CommandTimeoutException(String label, Duration timeout, String where, String outcome) {
    super("'" + label + "' on " + where + " did not finish within " + timeout + "; " + outcome);
    this.label = label;
    this.timeout = timeout;
  }

  /** The label of the command or transfer. */
  public String label() {
    return label;
  }

  /** The timeout it exceeded. */
  public Duration timeout() {
    return timeout;
  }
}
