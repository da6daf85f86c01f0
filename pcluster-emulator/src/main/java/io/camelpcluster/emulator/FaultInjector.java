package io.camelpcluster.emulator;

import io.camelpcluster.emulator.cluster.CreateFailurePlan;
import io.camelpcluster.emulator.server.FaultPolicy;
import io.camelpcluster.emulator.server.HttpResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Random;

/**
 * Faults the emulator injects, as API Gateway and the service would produce them. Mutable at
 * runtime and thread-safe; every setter returns this injector for chaining.
 *
 * <p>Counted faults ({@code throttleNext}, {@code serverErrorNext}) apply to the next API requests
 * that pass authentication, before they are dispatched; {@code gatewayTimeoutAfterApplyNext}
 * applies to mutating requests after they took effect. Rates draw from a seeded random source.
 */
public final class FaultInjector implements FaultPolicy, CreateFailurePlan {
  private int throttleNext;
  private int serverErrorNext;
  private int serverErrorStatus;
  private int timeoutAfterApplyNext;
  private final Deque<String> createFailures = new ArrayDeque<>();
  private double throttleRate;
  private double serverErrorRate;
  private Duration latency = Duration.ZERO;
  private Duration retryAfter;
  private Random random = new Random(0);

  FaultInjector() {}

  /** The next {@code n} API requests get 429 {@code {"message":"Too Many Requests"}}. */
  public synchronized FaultInjector throttleNext(int n) {
    throttleNext = requireCount(n);
    return this;
  }

  /**
   * The next {@code n} API requests get {@code status} (500, 502, 503 or 504) with the gateway's
   * body for that status.
   */
  public synchronized FaultInjector serverErrorNext(int n, int status) {
    serverErrorNext = requireCount(n);
    serverErrorStatus = requireServerError(status);
    return this;
  }

  /**
   * The next {@code n} mutating requests take effect, then are answered 504 {@code {"message":
   * "Endpoint request timed out"}}, as when the Lambda runs past the gateway's 29 s.
   */
  public synchronized FaultInjector gatewayTimeoutAfterApplyNext(int n) {
    timeoutAfterApplyNext = requireCount(n);
    return this;
  }

  /** The next {@code n} created clusters end CREATE_FAILED with this failure code. */
  public synchronized FaultInjector failNextCreates(int n, String failureCode) {
    requireCount(n);
    if (failureCode == null || failureCode.isBlank()) {
      throw new IllegalArgumentException("failureCode is required");
    }
    for (int i = 0; i < n; i++) {
      createFailures.add(failureCode);
    }
    return this;
  }

  /** Each API request is throttled (429) with probability {@code p}. */
  public synchronized FaultInjector throttleRate(double p) {
    throttleRate = requireProbability(p);
    return this;
  }

  /** Each API request fails with 500 with probability {@code p}. */
  public synchronized FaultInjector serverErrorRate(double p) {
    serverErrorRate = requireProbability(p);
    return this;
  }

  /** Every API request waits this long before it is handled. */
  public synchronized FaultInjector latency(Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException("latency must be zero or positive");
    }
    latency = d;
    return this;
  }

  /**
   * The {@code Retry-After} header added to injected 429 and 503 answers; null (the default, as the
   * real gateway) sends none.
   */
  public synchronized FaultInjector retryAfter(Duration d) {
    if (d != null && d.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative");
    }
    retryAfter = d;
    return this;
  }

  /** Seeds the random source of the rates, for reproducible runs. */
  public synchronized FaultInjector seed(long seed) {
    random = new Random(seed);
    return this;
  }

  /** Removes every fault. */
  public synchronized FaultInjector reset() {
    throttleNext = 0;
    serverErrorNext = 0;
    timeoutAfterApplyNext = 0;
    createFailures.clear();
    throttleRate = 0;
    serverErrorRate = 0;
    latency = Duration.ZERO;
    retryAfter = null;
    random = new Random(0);
    return this;
  }

  @Override
  public Optional<HttpResult> beforeDispatch() {
    Duration wait;
    Optional<HttpResult> fault;
    synchronized (this) {
      wait = latency;
      fault = nextFault();
    }
    if (!wait.isZero()) {
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return fault;
  }

  @Override
  public synchronized boolean timeoutAfterApply() {
    if (timeoutAfterApplyNext > 0) {
      timeoutAfterApplyNext--;
      return true;
    }
    return false;
  }

  @Override
  public synchronized Optional<String> nextCreateFailure() {
    return Optional.ofNullable(createFailures.poll());
  }

  private Optional<HttpResult> nextFault() {
    if (throttleNext > 0) {
      throttleNext--;
      return Optional.of(withRetryAfter(HttpResult.error(429, "Too Many Requests")));
    }
    if (serverErrorNext > 0) {
      serverErrorNext--;
      return Optional.of(serverError(serverErrorStatus));
    }
    if (throttleRate > 0 && random.nextDouble() < throttleRate) {
      return Optional.of(withRetryAfter(HttpResult.error(429, "Too Many Requests")));
    }
    if (serverErrorRate > 0 && random.nextDouble() < serverErrorRate) {
      return Optional.of(serverError(500));
    }
    return Optional.empty();
  }

  private HttpResult serverError(int status) {
    return switch (status) {
      case 503 -> withRetryAfter(HttpResult.error(503, "Service Unavailable"));
      case 504 -> HttpResult.gatewayTimeout();
      default -> HttpResult.error(status, "Internal server error");
    };
  }

  private HttpResult withRetryAfter(HttpResult result) {
    return retryAfter == null
        ? result
        : result.withHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
  }

  private static int requireCount(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("count must not be negative: " + n);
    }
    return n;
  }

  private static int requireServerError(int status) {
    if (status != 500 && status != 502 && status != 503 && status != 504) {
      throw new IllegalArgumentException("status must be 500, 502, 503 or 504: " + status);
    }
    return status;
  }

  private static double requireProbability(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be within [0, 1]: " + p);
    }
    return p;
  }
}
