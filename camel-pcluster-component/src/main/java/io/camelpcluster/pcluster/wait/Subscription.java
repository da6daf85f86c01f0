package io.camelpcluster.pcluster.wait;

import java.util.concurrent.atomic.AtomicBoolean;

/** A cluster sensor subscription; {@link #close()} ends it (idempotent). */
public final class Subscription implements AutoCloseable {
  private final Runnable unsubscribe;
  private final AtomicBoolean closed = new AtomicBoolean();

  Subscription(Runnable unsubscribe) {
    this.unsubscribe = unsubscribe;
  }

  /** Stops the events; one being delivered finishes, no further ones come. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      unsubscribe.run();
    }
  }
}
