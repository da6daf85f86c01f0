package io.camelpcluster.pcluster.headnode;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread behind every command timeout of every access. Tasks are short (kill a
 * process, close a channel, fail a future); cancelled tasks leave the queue at once.
 */
final class Deadlines {

  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private Deadlines() {}

  static ScheduledFuture<?> schedule(Duration delay, Runnable task) {
    return TIMER.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "camel-pcluster-head-node-timeouts");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
