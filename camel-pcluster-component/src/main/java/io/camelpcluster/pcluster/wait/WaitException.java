package io.camelpcluster.pcluster.wait;

import java.time.Duration;

/**
 * A wait that ended without reaching its target: the resource reached a state from which the target
 * cannot be reached ({@link WaitFailedException}) or the time ran out ({@link
 * WaitTimeoutException}).
 */
public abstract sealed class WaitException extends RuntimeException
    permits WaitFailedException, WaitTimeoutException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String name;
  private final String target;
  private final String state;
  private final transient Duration elapsed;

  WaitException(
      String message, String kind, String name, String target, String state, Duration elapsed) {
    super(message);
    this.kind = kind;
    this.name = name;
    this.target = target;
    this.state = state;
    this.elapsed = elapsed;
  }

  /** What was waited on: {@code cluster}, {@code image} or {@code compute fleet}. */
  public String kind() {
    return kind;
  }

  /** The cluster name or image id. */
  public String name() {
    return name;
  }

  /** The target that was not reached, e.g. {@code CREATE_COMPLETE}. */
  public String target() {
    return target;
  }

  /**
   * The last state seen, e.g. {@code CREATE_FAILED (stack ROLLBACK_COMPLETE)}, {@code gone}, or
   * {@code not seen} when it was never observed.
   */
  public String state() {
    return state;
  }

  /** How long the wait lasted. */
  public Duration elapsed() {
    return elapsed;
  }
}
