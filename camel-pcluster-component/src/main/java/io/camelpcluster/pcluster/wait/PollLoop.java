package io.camelpcluster.pcluster.wait;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rounds of one poller on a scheduler, without a thread of its own: at most one round in
 * flight, the next one the shortest asked-for interval after the previous one finished (so any
 * interval-long span sees the calls of one round at most, however long a round takes), deadline
 * checks in between. A failed round is logged and the next one runs an interval later; nothing else
 * happens to the waiters. Once idle for a full interval the loop retires, so that a poller created
 * after it for the same key cannot poll sooner than one interval after this loop's last round.
 */
final class PollLoop {
  private static final Logger LOG = LoggerFactory.getLogger(WaitService.class);

  /** What the loop drives. Its methods must not call back into the loop. */
  interface Rounds {
    /** Starts one round; the future completes when the round and its effects are done. */
    CompletableFuture<?> poll(long roundStart);

    /** Fails the waiters whose deadline has passed. */
    void expire(long now);

    /** The shortest interval asked for, in nanoseconds. */
    long intervalNanos();

    /** Nanoseconds until the earliest deadline; {@link Long#MAX_VALUE} for none. */
    long nanosToDeadline(long now);

    /** Whether nobody waits or watches any more. */
    boolean idle();
  }

  private final ScheduledExecutorService scheduler;
  private final Rounds rounds;
  private final String description;
  private final Runnable retire;

  // guarded by this
  private boolean inFlight;
  private boolean started;
  private long lastEnd;
  private long lastInterval;
  private ScheduledFuture<?> timer;
  private long timerAt;
  private boolean closed;

  /**
   * @param description what a round does, for logs, e.g. {@code ListClusters in eu-west-1}
   * @param retire called once the loop has been idle for a full interval; it may {@link #close()}
   */
  PollLoop(ScheduledExecutorService scheduler, Rounds rounds, String description, Runnable retire) {
    this.scheduler = scheduler;
    this.rounds = rounds;
    this.description = description;
    this.retire = retire;
  }

  /** Something changed (a waiter came): make sure a tick is scheduled early enough. */
  void wake() {
    schedule();
  }

  /** Stops scheduling; a round in flight finishes on its own. */
  synchronized void close() {
    closed = true;
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private synchronized void schedule() {
    if (closed) {
      return;
    }
    long now = System.nanoTime();
    long delay;
    if (rounds.idle()) {
      delay = inFlight ? Long.MAX_VALUE : started ? lastInterval - (now - lastEnd) : 0;
    } else {
      long untilRound =
          inFlight ? Long.MAX_VALUE : started ? rounds.intervalNanos() - (now - lastEnd) : 0;
      delay = Math.min(untilRound, rounds.nanosToDeadline(now));
    }
    if (delay == Long.MAX_VALUE) {
      return;
    }
    delay = Math.max(0, delay);
    if (timer != null) {
      if (timerAt - (now + delay) <= 0) {
        return;
      }
      timer.cancel(false);
    }
    timerAt = now + delay;
    try {
      timer = scheduler.schedule(this::tick, delay, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      timer = null;
      LOG.warn("Cannot schedule the next {}: the scheduler is shut down", description);
    }
  }

  private void tick() {
    synchronized (this) {
      timer = null;
      if (closed) {
        return;
      }
    }
    long now = System.nanoTime();
    rounds.expire(now);
    boolean start = false;
    boolean retiring = false;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (rounds.idle()) {
        retiring = !inFlight && (!started || now - lastEnd >= lastInterval);
      } else if (!inFlight && (!started || now - lastEnd >= rounds.intervalNanos())) {
        inFlight = true;
        started = true;
        lastInterval = rounds.intervalNanos();
        start = true;
      }
    }
    if (retiring) {
      retire.run();
    }
    if (start) {
      runRound(now);
    }
    schedule();
  }

  private void runRound(long roundStart) {
    CompletableFuture<?> round;
    try {
      round = rounds.poll(roundStart);
    } catch (RuntimeException e) {
      round = CompletableFuture.failedFuture(e);
    }
    round.whenComplete(
        (done, error) -> {
          boolean stopped;
          synchronized (this) {
            inFlight = false;
            lastEnd = System.nanoTime();
            stopped = closed;
          }
          if (error != null && !stopped) {
            Throwable cause = FailureText.unwrap(error);
            LOG.warn(
                "{} failed, waiters keep waiting until the next poll: {}",
                description,
                cause.getMessage() == null ? cause.toString() : cause.getMessage());
          }
          schedule();
        });
  }
}
