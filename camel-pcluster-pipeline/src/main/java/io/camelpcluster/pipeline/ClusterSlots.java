package io.camelpcluster.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * At most {@code capacity} clusters at once. As a processor, this is the acquire step: an exchange
 * that finds a free slot takes it and goes on at once; otherwise it waits in a FIFO queue
 * <em>without holding a thread</em> (the processor returns and keeps the exchange's callback), and
 * goes on when {@link #release} frees a slot for it. The slot is recorded on the exchange (property
 * {@value #SLOT_PROPERTY}), so {@link #release} is idempotent per exchange and works on copies of
 * it.
 *
 * <p>A waiter is resumed on the {@code resumer} executor (inline in the releasing thread by
 * default). On stop, waiting exchanges fail with a {@link RejectedExecutionException}.
 */
public final class ClusterSlots extends AsyncProcessorSupport {

  /** Exchange property holding the token of the slot the exchange holds. */
  public static final String SLOT_PROPERTY = "CamelPclusterPipelineSlot";

  private record Waiter(Exchange exchange, AsyncCallback callback) {}

  private final int capacity;
  private final Executor resumer;
  private final Set<String> holders = new HashSet<>();
  private final Deque<Waiter> queue = new ArrayDeque<>();
  private boolean stopped;

  /** Slots whose waiters resume in the thread that releases. */
  public ClusterSlots(int capacity) {
    this(capacity, Runnable::run);
  }

  /**
   * Slots whose waiters resume on the given executor.
   *
   * @throws IllegalArgumentException if the capacity is below 1
   */
  public ClusterSlots(int capacity, Executor resumer) {
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentClusters must be at least 1, but is " + capacity);
    }
    this.capacity = capacity;
    this.resumer = Objects.requireNonNull(resumer, "resumer");
  }

  /**
   * Acquires a slot for the exchange: completes synchronously (returns {@code true}) when one is
   * free or the exchange already holds one, else queues the exchange and returns {@code false}; the
   * callback runs when a slot is granted.
   */
  @Override
  public boolean process(Exchange exchange, AsyncCallback callback) {
    synchronized (this) {
      if (stopped) {
        exchange.setException(
            new RejectedExecutionException("the cluster slots are stopped; cannot acquire one"));
      } else if (!holds(exchange)) {
        if (holders.size() >= capacity) {
          queue.addLast(new Waiter(exchange, callback));
          return false;
        }
        grant(exchange);
      }
    }
    callback.done(true);
    return true;
  }

  /**
   * Releases the exchange's slot, if it holds one, and grants it to the longest waiting exchange;
   * an exchange still waiting leaves the queue (its callback never runs). Idempotent.
   *
   * @return whether a slot or a place in the queue was freed
   */
  public boolean release(Exchange exchange) {
    Waiter next = null;
    synchronized (this) {
      String token = exchange.getProperty(SLOT_PROPERTY, String.class);
      exchange.removeProperty(SLOT_PROPERTY);
      if (token == null || !holders.remove(token)) {
        return queue.removeIf(w -> w.exchange() == exchange);
      }
      if (!queue.isEmpty()) {
        next = queue.pollFirst();
        grant(next.exchange());
      }
    }
    if (next != null) {
      Waiter granted = next;
      try {
        resumer.execute(() -> granted.callback().done(false));
      } catch (RejectedExecutionException e) {
        // the executor is shutting down: the waiter holds its slot, so it must go on regardless
        granted.callback().done(false);
      }
    }
    return true;
  }

  /** The number of slots. */
  public int capacity() {
    return capacity;
  }

  /** How many slots are held. */
  public synchronized int inUse() {
    return holders.size();
  }

  /** How many exchanges wait for a slot. */
  public synchronized int waiting() {
    return queue.size();
  }

  @Override
  protected synchronized void doStart() {
    stopped = false;
  }

  @Override
  protected void doStop() {
    List<Waiter> rejected;
    synchronized (this) {
      stopped = true;
      rejected = new ArrayList<>(queue);
      queue.clear();
    }
    for (Waiter w : rejected) {
      w.exchange()
          .setException(
              new RejectedExecutionException(
                  "stopped while waiting for one of " + capacity + " cluster slots"));
      w.callback().done(false);
    }
  }

  @Override
  public String toString() {
    return "ClusterSlots[" + inUse() + "/" + capacity + " in use, " + waiting() + " waiting]";
  }

  private boolean holds(Exchange exchange) {
    String token = exchange.getProperty(SLOT_PROPERTY, String.class);
    return token != null && holders.contains(token);
  }

  private void grant(Exchange exchange) {
    String token = UUID.randomUUID().toString();
    holders.add(token);
    exchange.setProperty(SLOT_PROPERTY, token);
  }
}
