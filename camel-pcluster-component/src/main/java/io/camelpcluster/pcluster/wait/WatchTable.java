package io.camelpcluster.pcluster.wait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The waiters of one poller, grouped by resource name: judges every observation for them, logs each
 * transition, and fails them when their time is up. A waiter judges only rounds that started after
 * it was registered, so an answer older than the request it waits on never decides it. A resource
 * counts as gone once absent from a given number of rounds in a row: a listing walked page by page
 * while other resources disappear can skip one that still exists. Thread-safe; futures are
 * completed outside the lock.
 *
 * @param <S> the observed state
 * @param <R> what a waiter gets
 */
final class WatchTable<S, R> {
  private static final Logger LOG = LoggerFactory.getLogger(WaitService.class);

  private final Resource<S, R> resource;
  private final long absenceGrace;
  private final int absencesForGone;
  private final Map<String, Watch<S, R>> watches = new HashMap<>();
  private int waiterCount;
  private long earliestDeadline;
  private long shortestInterval = Long.MAX_VALUE;

  /**
   * @param absenceGrace how long a resource never seen may stay absent (eventual consistency)
   *     before a waiter that needs it to exist fails
   * @param absencesForGone in how many rounds in a row a resource must be absent to be gone
   */
  WatchTable(Resource<S, R> resource, Duration absenceGrace, int absencesForGone) {
    this.resource = resource;
    this.absenceGrace = Nanos.of(absenceGrace);
    this.absencesForGone = absencesForGone;
  }

  /** Registers a waiter; {@code future} completes when it is decided, times out or is closed. */
  void add(
      String name,
      String target,
      Function<S, Outcome> judge,
      Duration interval,
      Duration timeout,
      CompletableFuture<R> future) {
    long now = System.nanoTime();
    Waiter<S, R> waiter =
        new Waiter<>(future, target, judge, now, now + Nanos.of(timeout), Nanos.of(interval));
    synchronized (this) {
      Watch<S, R> watch = watches.computeIfAbsent(name, n -> new Watch<>(n, now));
      waiter.watch = watch;
      watch.waiters.add(waiter);
      waiterCount++;
      earliestDeadline =
          waiterCount == 1 || waiter.deadline - earliestDeadline < 0
              ? waiter.deadline
              : earliestDeadline;
      shortestInterval = Math.min(shortestInterval, waiter.interval);
    }
    future.whenComplete((result, error) -> remove(waiter));
  }

  synchronized boolean isEmpty() {
    return waiterCount == 0;
  }

  /** The names waited on. */
  synchronized List<String> names() {
    return new ArrayList<>(watches.keySet());
  }

  /** What was last seen of each resource waited on, by name, labelled as in the logs. */
  synchronized Map<String, String> lastSeen() {
    Map<String, String> seen = new TreeMap<>();
    watches.values().forEach(watch -> seen.put(watch.name, stateLabel(watch)));
    return seen;
  }

  /** The shortest poll interval asked for, in nanoseconds; may lag behind removals. */
  synchronized long shortestInterval() {
    return shortestInterval;
  }

  /**
   * Nanoseconds from {@code now} to the earliest deadline (zero when past, {@link Long#MAX_VALUE}
   * without waiters); may lag behind removals, never later than the truth.
   */
  synchronized long nanosToDeadline(long now) {
    return waiterCount == 0 ? Long.MAX_VALUE : Math.max(0, earliestDeadline - now);
  }

  /** Judges one round that saw every resource there is: those not in {@code seen} are gone. */
  void observeAll(Map<String, S> seen, long roundStart) {
    List<Settlement<S, R>> settled = new ArrayList<>();
    synchronized (this) {
      for (Watch<S, R> watch : new ArrayList<>(watches.values())) {
        observe(watch, seen.get(watch.name), roundStart, settled);
      }
    }
    settle(settled);
  }

  /** Judges one resource observed in a round ({@code state} null: it does not exist). */
  void observe(String name, S state, long roundStart) {
    List<Settlement<S, R>> settled = new ArrayList<>(1);
    synchronized (this) {
      Watch<S, R> watch = watches.get(name);
      if (watch != null) {
        observe(watch, state, roundStart, settled);
      }
    }
    settle(settled);
  }

  /**
   * Fails the waiters whose deadline has passed with a {@link WaitTimeoutException}, and brings the
   * shortest interval and earliest deadline up to date.
   */
  void expire(long now) {
    List<Waiter<S, R>> expired = new ArrayList<>();
    synchronized (this) {
      long deadline = now;
      long interval = Long.MAX_VALUE;
      boolean first = true;
      for (Watch<S, R> watch : watches.values()) {
        for (Waiter<S, R> waiter : watch.waiters) {
          if (waiter.deadline - now <= 0) {
            expired.add(waiter);
          } else {
            deadline = first || waiter.deadline - deadline < 0 ? waiter.deadline : deadline;
            first = false;
            interval = Math.min(interval, waiter.interval);
          }
        }
      }
      earliestDeadline = deadline;
      shortestInterval = interval;
      for (Waiter<S, R> waiter : expired) {
        detach(waiter);
      }
    }
    for (Waiter<S, R> waiter : expired) {
      Watch<S, R> watch = waiter.watch;
      String state = stateLabel(watch);
      Duration elapsed = Elapsed.between(waiter.registered, now);
      LOG.info(
          "{} {}: gave up waiting for {} after {} (last state: {})",
          resource.kind(),
          watch.name,
          waiter.target,
          Elapsed.format(elapsed),
          state);
      waiter.future.completeExceptionally(
          new WaitTimeoutException(resource.kind(), watch.name, waiter.target, state, elapsed));
    }
  }

  /** Fails every waiter with an {@link IllegalStateException}: the service is closing. */
  void failAll() {
    List<Waiter<S, R>> all = new ArrayList<>();
    synchronized (this) {
      watches.values().forEach(watch -> all.addAll(watch.waiters));
      all.forEach(this::detach);
    }
    all.forEach(
        waiter ->
            waiter.future.completeExceptionally(
                new IllegalStateException(
                    "the wait service was closed while waiting for "
                        + resource.kind()
                        + " "
                        + waiter.watch.name
                        + " to reach "
                        + waiter.target)));
  }

  private void observe(Watch<S, R> watch, S state, long roundStart, List<Settlement<S, R>> out) {
    if (roundStart - watch.since < 0) {
      return;
    }
    if (state == null && ++watch.absences < absencesForGone) {
      return;
    }
    if (state != null) {
      watch.absences = 0;
    }
    long now = System.nanoTime();
    logTransition(watch, state, now);
    if (state != null) {
      watch.seen = true;
      watch.last = state;
    }
    watch.gone = state == null && watch.seen;
    List<Waiter<S, R>> reached = null;
    List<Waiter<S, R>> failed = null;
    for (Iterator<Waiter<S, R>> it = watch.waiters.iterator(); it.hasNext(); ) {
      Waiter<S, R> waiter = it.next();
      if (roundStart - waiter.registered < 0) {
        continue;
      }
      Outcome outcome = waiter.judge.apply(state);
      if (outcome == Outcome.FAILED
          && state == null
          && !watch.seen
          && roundStart - waiter.registered < absenceGrace) {
        outcome = Outcome.WAITING;
      }
      if (outcome == Outcome.WAITING) {
        continue;
      }
      it.remove();
      waiterCount--;
      if (outcome == Outcome.REACHED) {
        reached = reached == null ? new ArrayList<>(1) : reached;
        reached.add(waiter);
      } else {
        failed = failed == null ? new ArrayList<>(1) : failed;
        failed.add(waiter);
      }
    }
    if (watch.waiters.isEmpty()) {
      watches.remove(watch.name, watch);
    }
    if (reached != null || failed != null) {
      out.add(new Settlement<>(watch.name, state, watch.last, reached, failed, now));
    }
  }

  private void logTransition(Watch<S, R> watch, S state, long now) {
    if (state == null && (!watch.seen || watch.gone)) {
      return;
    }
    if (state != null && watch.seen && !watch.gone && resource.same(watch.last, state)) {
      return;
    }
    String name = watch.name;
    if (!watch.seen) {
      LOG.info(
          "{} {}: {} (waiting for {})",
          resource.kind(),
          name,
          resource.label(state),
          watch.waiters.isEmpty() ? "-" : watch.waiters.get(0).target);
    } else {
      LOG.info(
          "{} {}: {} -> {} after {}",
          resource.kind(),
          name,
          watch.gone ? "gone" : resource.label(watch.last),
          resource.label(state),
          Elapsed.format(Elapsed.between(watch.since, now)));
    }
  }

  private void settle(List<Settlement<S, R>> settlements) {
    for (Settlement<S, R> settlement : settlements) {
      if (settlement.reached != null) {
        R result =
            resource.result(settlement.state != null ? settlement.state : settlement.lastSeen);
        settlement.reached.forEach(waiter -> waiter.future.complete(result));
      }
      if (settlement.failed != null) {
        boolean neverSeen = settlement.state == null && settlement.lastSeen == null;
        String state = neverSeen ? "not found" : resource.label(settlement.state);
        CompletableFuture<String> lookup =
            neverSeen
                ? CompletableFuture.completedFuture(
                    "no "
                        + resource.kind()
                        + " of this name was seen within "
                        + Elapsed.format(Duration.ofNanos(absenceGrace)))
                : resource.reason(settlement.name, settlement.state);
        lookup.whenComplete(
            (reason, error) ->
                settlement.failed.forEach(
                    waiter ->
                        waiter.future.completeExceptionally(
                            new WaitFailedException(
                                resource.kind(),
                                settlement.name,
                                waiter.target,
                                state,
                                reason,
                                Elapsed.between(waiter.registered, settlement.decidedAt)))));
      }
    }
  }

  private synchronized void remove(Waiter<S, R> waiter) {
    if (waiter.watch.waiters.contains(waiter)) {
      detach(waiter);
    }
  }

  private void detach(Waiter<S, R> waiter) {
    Watch<S, R> watch = waiter.watch;
    if (watch.waiters.remove(waiter)) {
      waiterCount--;
    }
    if (watch.waiters.isEmpty()) {
      watches.remove(watch.name, watch);
    }
  }

  private String stateLabel(Watch<S, R> watch) {
    if (!watch.seen) {
      return "not seen";
    }
    return watch.gone ? "gone" : resource.label(watch.last);
  }

  /** The waiters on one resource and what was last seen of it. */
  private static final class Watch<S, R> {
    final String name;
    final long since;
    final List<Waiter<S, R>> waiters = new ArrayList<>(1);
    S last;
    boolean seen;
    boolean gone;
    int absences;

    Watch(String name, long since) {
      this.name = name;
      this.since = since;
    }
  }

  /** One caller waiting: its future, its target and its clock readings. */
  private static final class Waiter<S, R> {
    final CompletableFuture<R> future;
    final String target;
    final Function<S, Outcome> judge;
    final long registered;
    final long deadline;
    final long interval;
    Watch<S, R> watch;

    Waiter(
        CompletableFuture<R> future,
        String target,
        Function<S, Outcome> judge,
        long registered,
        long deadline,
        long interval) {
      this.future = future;
      this.target = target;
      this.judge = judge;
      this.registered = registered;
      this.deadline = deadline;
      this.interval = interval;
    }
  }

  /** The waiters one observation decided. */
  private record Settlement<S, R>(
      String name,
      S state,
      S lastSeen,
      List<Waiter<S, R>> reached,
      List<Waiter<S, R>> failed,
      long decidedAt) {}
}
