package io.camelpcluster.pcluster.api;

import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a call until it gets a final answer or the {@link RetryPolicy} gives up, waiting on the
 * shared scheduler between attempts (no thread waits). Transient failures of non-idempotent calls
 * that may have taken effect are not retried but reported as {@link MaybeAppliedException}.
 */
final class Retrier {
  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

  private final Transport transport;
  private final RetryPolicy policy;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Map<CompletableFuture<Void>, String> waiting = new ConcurrentHashMap<>();
  private volatile boolean closed;

  Retrier(
      Transport transport, RetryPolicy policy, ScheduledExecutorService scheduler, Clock clock) {
    this.transport = transport;
    this.policy = policy;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  RetryPolicy policy() {
    return policy;
  }

  /** Runs the call from its first attempt. */
  CompletableFuture<HttpResult> execute(HttpCall call) {
    return execute(call, 1);
  }

  /**
   * Runs the call starting at attempt number {@code attempt}; completes with the last HTTP answer
   * (success or not) or fails with a {@link ParallelClusterException} or {@link
   * MaybeAppliedException}.
   */
  CompletableFuture<HttpResult> execute(HttpCall call, int attempt) {
    CompletableFuture<HttpResult> outcome = new CompletableFuture<>();
    attempt(call, attempt, outcome);
    return outcome;
  }

  /**
   * A future completed after {@code delay}, on the shared scheduler; failed if the client closes
   * first.
   */
  CompletableFuture<Void> delay(String operation, Duration delay) {
    CompletableFuture<Void> elapsed = new CompletableFuture<>();
    if (closed) {
      elapsed.completeExceptionally(closedFailure(operation));
      return elapsed;
    }
    waiting.put(elapsed, operation);
    elapsed.whenComplete((ignored, failure) -> waiting.remove(elapsed));
    try {
      scheduler.schedule(() -> elapsed.complete(null), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      elapsed.completeExceptionally(closedFailure(operation));
    }
    return elapsed;
  }

  /** Fails every call waiting for a retry; later delays fail at once. */
  void close() {
    closed = true;
    Map.copyOf(waiting)
        .forEach((elapsed, operation) -> elapsed.completeExceptionally(closedFailure(operation)));
  }

  private static ParallelClusterException closedFailure(String operation) {
    return new ParallelClusterException(
        operation, operation + ": the client was closed while waiting to retry", null);
  }

  private void attempt(HttpCall call, int attempt, CompletableFuture<HttpResult> outcome) {
    LOG.debug("{}: attempt {} of {}", call.operation(), attempt, policy.maxAttempts());
    CompletableFuture<HttpResult> sent;
    try {
      sent = transport.send(call);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.whenComplete(
        (result, failure) -> {
          if (failure == null) {
            onAnswer(call, result.withAttempt(attempt), outcome);
          } else {
            onNoAnswer(call, attempt, Failures.unwrap(failure), outcome);
          }
        });
  }

  private void onAnswer(HttpCall call, HttpResult result, CompletableFuture<HttpResult> outcome) {
    Retryability retryability = Retryability.of(result);
    int attempt = result.attempt();
    if (retryability == Retryability.FINAL) {
      outcome.complete(result);
    } else if (retryability == Retryability.MAYBE_APPLIED && !call.idempotent()) {
      outcome.completeExceptionally(
          new MaybeAppliedException(attempt, ErrorMapper.toException(call.operation(), result)));
    } else if (attempt >= policy.maxAttempts()) {
      outcome.complete(result);
    } else {
      String retryAfterHeader = result.header("Retry-After");
      Duration retryAfter = RetryAfter.parse(retryAfterHeader, clock);
      Duration delay = policy.delayBefore(attempt + 1, retryAfter);
      LOG.info(
          "{} answered HTTP {}; retrying in {} ms{} (attempt {} of {})",
          call.operation(),
          result.statusCode(),
          delay.toMillis(),
          retryAfter == null ? "" : " (Retry-After: " + retryAfterHeader + ")",
          attempt + 1,
          policy.maxAttempts());
      retryLater(call, attempt + 1, delay, outcome);
    }
  }

  private void onNoAnswer(
      HttpCall call, int attempt, Throwable failure, CompletableFuture<HttpResult> outcome) {
    Retryability retryability = Retryability.of(failure);
    if (retryability == Retryability.FINAL) {
      outcome.completeExceptionally(
          failure instanceof ParallelClusterException
              ? failure
              : new ParallelClusterException(
                  call.operation(), call.operation() + " failed: " + failure, failure));
    } else if (retryability == Retryability.MAYBE_APPLIED && !call.idempotent()) {
      outcome.completeExceptionally(
          new MaybeAppliedException(attempt, noAnswer(call, attempt, failure)));
    } else if (attempt >= policy.maxAttempts()) {
      outcome.completeExceptionally(noAnswer(call, attempt, failure));
    } else {
      Duration delay = policy.delayBefore(attempt + 1, null);
      LOG.info(
          "{} got no answer ({}); retrying in {} ms (attempt {} of {})",
          call.operation(),
          describe(failure),
          delay.toMillis(),
          attempt + 1,
          policy.maxAttempts());
      retryLater(call, attempt + 1, delay, outcome);
    }
  }

  private void retryLater(
      HttpCall call, int attempt, Duration delay, CompletableFuture<HttpResult> outcome) {
    delay(call.operation(), delay)
        .whenComplete(
            (ignored, closed) -> {
              if (closed == null) {
                attempt(call, attempt, outcome);
              } else {
                outcome.completeExceptionally(closed);
              }
            });
  }

  private ParallelClusterConnectionException noAnswer(
      HttpCall call, int attempt, Throwable failure) {
    String uri = transport.uri(call).toString();
    int queryStart = uri.indexOf('?');
    return new ParallelClusterConnectionException(
        call.operation(),
        call.operation()
            + ": no answer from "
            + call.method()
            + " "
            + (queryStart < 0 ? uri : uri.substring(0, queryStart))
            + (attempt > 1 ? " after " + attempt + " attempts" : "")
            + ": "
            + describe(failure),
        failure);
  }

  private static String describe(Throwable failure) {
    if (failure instanceof HttpTimeoutException) {
      return failure.getMessage() == null ? "timed out" : failure.getMessage();
    }
    String kind = failure.getClass().getSimpleName();
    return failure.getMessage() == null ? kind : kind + ": " + failure.getMessage();
  }
}
