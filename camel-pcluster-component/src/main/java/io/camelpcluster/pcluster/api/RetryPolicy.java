package io.camelpcluster.pcluster.api;

import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * How often and how patiently the client retries throttling (429), gateway errors (502, 503, 504)
 * and connection failures: exponential backoff with full jitter (the delay before attempt {@code n}
 * is random in {@code [0, min(maxDelay, baseDelay * 2^(n-2)))}), or the server's {@code
 * Retry-After} capped by {@code maxDelay}.
 *
 * @param maxAttempts attempts per call, including the first (1 disables retries)
 * @param baseDelay the backoff scale; zero retries at once
 * @param maxDelay the longest wait between attempts
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("retry delays must not be negative");
    }
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("maxDelay must not be shorter than baseDelay");
    }
  }

  /** 4 attempts, base delay 250 ms, at most 20 s between attempts. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(20));
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /**
   * The wait before {@code attempt} (2 for the first retry).
   *
   * @param retryAfter the server's {@code Retry-After}, or null
   */
  public Duration delayBefore(int attempt, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }
    BackoffStrategy backoff =
        baseDelay.isZero()
            ? BackoffStrategy.retryImmediately()
            : BackoffStrategy.exponentialDelay(baseDelay, maxDelay);
    return backoff.computeDelay(attempt);
  }
}
