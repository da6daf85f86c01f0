package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterSlotsTest {

  private final CamelContext context = new DefaultCamelContext();

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void aFreeSlotIsTakenSynchronously() {
    ClusterSlots slots = new ClusterSlots(2);
    List<Boolean> done = new ArrayList<>();
    Exchange exchange = exchange();
    assertThat(slots.process(exchange, done::add)).isTrue();
    assertThat(done).containsExactly(true);
    assertThat(slots.inUse()).isEqualTo(1);
    assertThat(exchange.getProperty(ClusterSlots.SLOT_PROPERTY, String.class)).isNotBlank();
    assertThat(slots.process(exchange, done::add))
        .as("an exchange holds one slot at most")
        .isTrue();
    assertThat(slots.inUse()).isEqualTo(1);
  }

  @Test
  void waitersAreServedFirstInFirstOut() {
    ClusterSlots slots = new ClusterSlots(1);
    List<String> order = new CopyOnWriteArrayList<>();
    Exchange holder = exchange();
    slots.process(holder, sync -> order.add("holder"));
    List<Exchange> waiters = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Exchange waiter = exchange();
      String name = "w" + i;
      assertThat(slots.process(waiter, sync -> order.add(name))).isFalse();
      waiters.add(waiter);
    }
    assertThat(slots.waiting()).isEqualTo(5);
    assertThat(slots.release(holder)).isTrue();
    for (Exchange waiter : waiters) {
      assertThat(slots.inUse()).isEqualTo(1);
      slots.release(waiter);
    }
    assertThat(order).containsExactly("holder", "w0", "w1", "w2", "w3", "w4");
    assertThat(slots.inUse()).isZero();
    assertThat(slots.waiting()).isZero();
  }

  @Test
  void releaseIsIdempotentAndWorksOnACopy() {
    ClusterSlots slots = new ClusterSlots(1);
    Exchange exchange = exchange();
    slots.process(exchange, sync -> {});
    Exchange copy = exchange.copy();
    Exchange waiter = exchange();
    AtomicInteger resumed = new AtomicInteger();
    slots.process(waiter, sync -> resumed.incrementAndGet());

    assertThat(slots.release(copy)).isTrue();
    assertThat(slots.release(exchange)).as("the copy released the slot already").isFalse();
    assertThat(slots.release(copy)).isFalse();
    assertThat(resumed).hasValue(1);
    assertThat(slots.inUse()).isEqualTo(1);
    assertThat(slots.release(exchange())).as("never acquired").isFalse();
  }

  @Test
  void releasingAWaitingExchangeTakesItOutOfTheQueue() {
    ClusterSlots slots = new ClusterSlots(1);
    Exchange holder = exchange();
    slots.process(holder, sync -> {});
    Exchange waiter = exchange();
    AtomicInteger resumed = new AtomicInteger();
    slots.process(waiter, sync -> resumed.incrementAndGet());
    assertThat(slots.release(waiter)).isTrue();
    assertThat(slots.waiting()).isZero();
    slots.release(holder);
    assertThat(resumed).hasValue(0);
    assertThat(slots.inUse()).isZero();
  }

  @Test
  void twentyExchangesThroughARouteNeverExceedThreeSlotsAndParkNoThread() throws Exception {
    ClusterSlots slots = new ClusterSlots(3);
    HeldWork work = new HeldWork();
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:run").process(slots).process(work).process(slots::release);
          }
        });
    context.start();
    AsyncProducer producer = context.getEndpoint("direct:run").createAsyncProducer();
    producer.start();
    Queue<Exchange> completed = new ConcurrentLinkedQueue<>();

    // one thread sends all 20: were acquire to block, this would never return
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (int i = 0; i < 20; i++) {
            Exchange exchange = exchange();
            exchange.getMessage().setBody(i);
            producer.process(exchange, sync -> completed.add(exchange));
          }
        });
    assertThat(slots.inUse()).isEqualTo(3);
    assertThat(slots.waiting()).isEqualTo(17);
    assertThat(work.running).hasValue(3);
    assertThat(completed).isEmpty();

    // finish the held work one piece at a time; each frees a slot for the next waiter
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Runnable next = work.pending.poll();
              if (next != null) {
                next.run();
              }
              return completed.size() == 20;
            });
    assertThat(work.max).hasValue(3);
    assertThat(work.started).hasValue(20);
    assertThat(completed).allSatisfy(e -> assertThat(e.getException()).isNull());
    assertThat(completed)
        .extracting(e -> e.getMessage().getBody(Integer.class))
        .as("first in, first out")
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    assertThat(slots.inUse()).isZero();
    assertThat(slots.waiting()).isZero();
  }

  @Test
  void concurrentAcquirersOnManyThreadsNeverExceedTheCapacity() {
    ExecutorService resumer = Executors.newSingleThreadExecutor();
    ClusterSlots slots = new ClusterSlots(3, resumer);
    AtomicInteger holding = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    ExecutorService releasers = Executors.newFixedThreadPool(4);
    ExecutorService acquirers = Executors.newFixedThreadPool(20);
    try {
      for (int round = 0; round < 10; round++) {
        for (int i = 0; i < 20; i++) {
          Exchange exchange = exchange();
          acquirers.execute(
              () ->
                  slots.process(
                      exchange,
                      sync -> {
                        max.accumulateAndGet(holding.incrementAndGet(), Math::max);
                        releasers.execute(
                            () -> {
                              holding.decrementAndGet();
                              slots.release(exchange);
                              finished.incrementAndGet();
                            });
                      }));
        }
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> finished.get() == 200);
      assertThat(max.get()).isBetween(1, 3);
      assertThat(slots.inUse()).isZero();
      assertThat(slots.waiting()).isZero();
    } finally {
      acquirers.shutdownNow();
      releasers.shutdownNow();
      resumer.shutdownNow();
    }
  }

  @Test
  void stoppingFailsTheWaitersAndRefusesNewOnes() {
    ClusterSlots slots = new ClusterSlots(1);
    slots.start();
    slots.process(exchange(), sync -> {});
    Exchange waiter = exchange();
    List<Boolean> resumed = new ArrayList<>();
    slots.process(waiter, resumed::add);
    slots.stop();
    assertThat(resumed).containsExactly(false);
    assertThat(waiter.getException())
        .isInstanceOf(RejectedExecutionException.class)
        .hasMessage("stopped while waiting for one of 1 cluster slots");
    Exchange late = exchange();
    assertThat(slots.process(late, sync -> {})).isTrue();
    assertThat(late.getException()).isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void aWaiterStillGoesOnWhenTheResumerRefuses() {
    ExecutorService resumer = Executors.newSingleThreadExecutor();
    resumer.shutdown();
    ClusterSlots slots = new ClusterSlots(1, resumer);
    Exchange holder = exchange();
    slots.process(holder, sync -> {});
    List<Boolean> resumed = new ArrayList<>();
    slots.process(exchange(), resumed::add);
    slots.release(holder);
    assertThat(resumed).containsExactly(false);
    assertThat(slots.inUse()).isEqualTo(1);
  }

  @Test
  void rejectsACapacityBelowOne() {
    assertThatThrownBy(() -> new ClusterSlots(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConcurrentClusters must be at least 1, but is 0");
    assertThat(new ClusterSlots(2)).hasToString("ClusterSlots[0/2 in use, 0 waiting]");
  }

  private Exchange exchange() {
    return new DefaultExchange(context);
  }

  /** Stands for the long asynchronous steps: holds each exchange until the test lets it go. */
  private static final class HeldWork extends AsyncProcessorSupport {
    final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger max = new AtomicInteger();
    final AtomicInteger started = new AtomicInteger();

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
      started.incrementAndGet();
      max.accumulateAndGet(running.incrementAndGet(), Math::max);
      pending.add(
          () -> {
            running.decrementAndGet();
            callback.done(false);
          });
      return false;
    }
  }
}
