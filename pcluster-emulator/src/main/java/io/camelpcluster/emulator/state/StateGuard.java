package io.camelpcluster.emulator.state;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The one lock over the emulator's state. Every operation runs inside it, after the time-driven
 * transitions that are due have been applied (so state is computed lazily from the clock, with no
 * thread per resource); state is persisted whenever something changed.
 */
public final class StateGuard {
  private final ReentrantLock lock = new ReentrantLock();
  private final Clock clock;
  private final Runnable persist;
  private final List<Advancer> advancers = new CopyOnWriteArrayList<>();

  /** Applies the transitions that are due. */
  @FunctionalInterface
  public interface Advancer {
    /** Returns whether anything changed. */
    boolean advance(Instant now);
  }

  /**
   * @param clock the time source
   * @param persist saves the state (called under the lock)
   */
  public StateGuard(Clock clock, Runnable persist) {
    this.clock = clock;
    this.persist = persist;
  }

  /** Adds a state machine whose due transitions run before every operation. */
  public void register(Advancer advancer) {
    advancers.add(advancer);
  }

  /** Runs a read-only operation at the current time. */
  public <T> T read(Function<Instant, T> operation) {
    return run(operation, false);
  }

  /** Runs an operation that may change state at the current time, then persists. */
  public <T> T write(Function<Instant, T> operation) {
    return run(operation, true);
  }

  /** The current time, truncated to milliseconds as the API reports it. */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private <T> T run(Function<Instant, T> operation, boolean mutating) {
    lock.lock();
    boolean changed = mutating;
    try {
      Instant now = now();
      for (Advancer advancer : advancers) {
        changed |= advancer.advance(now);
      }
      return operation.apply(now);
    } finally {
      try {
        if (changed) {
          persist.run();
        }
      } finally {
        lock.unlock();
      }
    }
  }
}
