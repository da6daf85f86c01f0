package io.camelpcluster.pcluster.wait;

import io.camelpcluster.pcluster.api.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Resources of one (client, region) that are described one by one (custom images, compute fleets):
 * once per interval, every distinct resource waited on is described once, whatever the number of
 * waiters on it. A 404 means the resource does not exist.
 *
 * @param <S> what a description shows
 * @param <R> what a waiter gets
 */
final class DescribePoller<S, R> implements Poller {
  private final ScheduledExecutorService scheduler;
  private final WatchTable<S, R> waiters;
  private final Function<String, CompletableFuture<S>> describe;
  private final PollLoop loop;

  DescribePoller(
      ScheduledExecutorService scheduler,
      Resource<S, R> resource,
      Function<String, CompletableFuture<S>> describe,
      String description,
      Duration absenceGrace,
      Consumer<Poller> retire) {
    this.scheduler = scheduler;
    this.waiters = new WatchTable<>(resource, absenceGrace, 1);
    this.describe = describe;
    this.loop = new PollLoop(scheduler, this, description, () -> retire.accept(this));
  }

  CompletableFuture<R> await(
      String name, String target, Function<S, Outcome> judge, Duration interval, Duration timeout) {
    CompletableFuture<R> future = new CompletableFuture<>();
    waiters.add(name, target, judge, interval, timeout, future);
    return future;
  }

  @Override
  public PollLoop loop() {
    return loop;
  }

  @Override
  public CompletableFuture<?> poll(long roundStart) {
    List<String> names = waiters.names();
    CompletableFuture<?>[] described = new CompletableFuture<?>[names.size()];
    for (int i = 0; i < described.length; i++) {
      String name = names.get(i);
      described[i] =
          describe
              .apply(name)
              .handleAsync(
                  (state, error) -> {
                    if (error == null) {
                      waiters.observe(name, state, roundStart);
                    } else if (FailureText.unwrap(error) instanceof NotFoundException) {
                      waiters.observe(name, null, roundStart);
                    } else {
                      throw new CompletionException(FailureText.unwrap(error));
                    }
                    return null;
                  },
                  scheduler);
    }
    return CompletableFuture.allOf(described);
  }

  @Override
  public void expire(long now) {
    waiters.expire(now);
  }

  @Override
  public long intervalNanos() {
    return waiters.shortestInterval();
  }

  @Override
  public long nanosToDeadline(long now) {
    return waiters.nanosToDeadline(now);
  }

  @Override
  public boolean idle() {
    return waiters.isEmpty();
  }

  @Override
  public void close() {
    loop.close();
    waiters.failAll();
  }
}
