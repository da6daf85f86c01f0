package io.camelpcluster.pcluster.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the calls that must not act twice (CreateCluster, UpdateCluster, BuildImage). The real API
 * runs in a Lambda behind API Gateway, so a 504, a 502/503 or a lost connection can hide a request
 * that did take effect. Then the resource is described after a short delay: if it shows the
 * request's effect, a response is synthesised from the description; if not, the call is sent again;
 * and if that repeat is refused as already done, the resource is described once more.
 */
final class MaybeAppliedRecovery {
  /** SigV4 refuses clocks off by more than 5 minutes, so no larger skew can occur. */
  static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(MaybeAppliedRecovery.class);

  private final Retrier retrier;
  private final Duration probeDelay;
  private final Clock clock;

  MaybeAppliedRecovery(Retrier retrier, Duration probeDelay, Clock clock) {
    this.retrier = retrier;
    this.probeDelay = probeDelay;
    this.clock = clock;
  }

  <R> CompletableFuture<R> execute(HttpCall call, Class<R> type, AppliedCheck<R> check) {
    Run<R> run = new Run<>(call, type, check, clock.instant().minus(CLOCK_TOLERANCE));
    return run.attempt(1, false);
  }

  /** One execution of a call, across its attempts. */
  private final class Run<R> {
    private final HttpCall call;
    private final Class<R> type;
    private final AppliedCheck<R> check;
    private final Instant notBefore;

    Run(HttpCall call, Class<R> type, AppliedCheck<R> check, Instant notBefore) {
      this.call = call;
      this.type = type;
      this.check = check;
      this.notBefore = notBefore;
    }

    /**
     * @param uncertain whether an earlier attempt may have taken effect
     */
    CompletableFuture<R> attempt(int attempt, boolean uncertain) {
      return retrier
          .execute(call, attempt)
          .handle(
              (result, failure) -> {
                if (failure != null) {
                  Throwable cause = Failures.unwrap(failure);
                  return cause instanceof MaybeAppliedException maybe
                      ? afterUncertainAttempt(maybe)
                      : CompletableFuture.<R>failedFuture(cause);
                }
                return onAnswer(result, uncertain);
              })
          .thenCompose(Function.identity());
    }

    private CompletableFuture<R> onAnswer(HttpResult result, boolean uncertain) {
      if (result.isSuccess()) {
        try {
          return CompletableFuture.completedFuture(Responses.read(call.operation(), result, type));
        } catch (ParallelClusterException e) {
          return CompletableFuture.failedFuture(e);
        }
      }
      ParallelClusterServiceException error = ErrorMapper.toException(call.operation(), result);
      if (!uncertain || !check.repeatedAnswer().test(error)) {
        return CompletableFuture.failedFuture(error);
      }
      LOG.info(
          "{} was refused as already done ({}) after an attempt that may have taken effect;"
              + " describing the resource",
          call.operation(),
          error.serviceMessage());
      return probe(error, () -> CompletableFuture.failedFuture(error));
    }

    private CompletableFuture<R> afterUncertainAttempt(MaybeAppliedException maybe) {
      ParallelClusterException failure = maybe.failure();
      LOG.info(
          "{} may have taken effect although attempt {} failed ({}); describing the resource in"
              + " {} ms",
          call.operation(),
          maybe.attempt(),
          firstLine(failure.getMessage()),
          probeDelay.toMillis());
      return retrier
          .delay(call.operation(), probeDelay)
          .thenCompose(
              ignored ->
                  probe(
                      failure,
                      () -> {
                        if (maybe.attempt() >= retrier.policy().maxAttempts()) {
                          return CompletableFuture.failedFuture(failure);
                        }
                        LOG.info(
                            "{} did not take effect; sending it again (attempt {} of {})",
                            call.operation(),
                            maybe.attempt() + 1,
                            retrier.policy().maxAttempts());
                        return attempt(maybe.attempt() + 1, true);
                      }));
    }

    /**
     * Describes the resource: completes with the synthesised response when it shows the request's
     * effect, else with {@code whenAbsent}; fails with {@code failure} (the probe's own failure
     * suppressed) when it cannot be described.
     */
    private CompletableFuture<R> probe(
        ParallelClusterException failure, Supplier<CompletableFuture<R>> whenAbsent) {
      return check
          .probe()
          .apply(notBefore)
          .handle(
              (found, probeFailure) -> {
                if (probeFailure != null) {
                  failure.addSuppressed(Failures.unwrap(probeFailure));
                  return CompletableFuture.<R>failedFuture(failure);
                }
                if (found.isPresent()) {
                  LOG.info(
                      "{} took effect despite the failed answer; answering from the description",
                      call.operation());
                  return CompletableFuture.completedFuture(found.get());
                }
                return whenAbsent.get();
              })
          .thenCompose(Function.identity());
    }
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
