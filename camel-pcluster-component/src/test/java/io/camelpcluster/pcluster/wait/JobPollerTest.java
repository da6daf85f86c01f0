package io.camelpcluster.pcluster.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.pcluster.jobs.JobStatus;
import io.camelpcluster.pcluster.slurm.ExitCode;
import io.camelpcluster.pcluster.slurm.JobFiles;
import io.camelpcluster.pcluster.slurm.JobState;
import io.camelpcluster.pcluster.slurm.JobTimes;
import io.camelpcluster.pcluster.slurm.SlurmJob;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Job waiters of one head node sharing status calls, against a scripted status call. */
class JobPollerTest {
  private static final JobFiles HOME = new JobFiles(".");
  private static final Duration INTERVAL = Duration.ofMillis(20);
  private static final Duration LONG = Duration.ofMinutes(1);

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

  /** Every call's watched job ids, in order. */
  private final List<Set<String>> calls = new CopyOnWriteArrayList<>();

  /** After how many calls each job is over, and how. */
  private final Map<String, Integer> endsAfter = new ConcurrentHashMap<>();

  private final Map<String, SlurmJob> ends = new ConcurrentHashMap<>();

  private final JobPoller poller =
      new JobPoller(scheduler, this::status, "test status polls", retired -> {});

  @AfterEach
  void stop() {
    poller.close();
    scheduler.shutdownNow();
  }

  private CompletableFuture<Map<String, JobStatus>> status(Map<String, JobFiles> watched) {
    calls.add(Set.copyOf(watched.keySet()));
    int call = calls.size();
    return CompletableFuture.completedFuture(
        watched.keySet().stream()
            .collect(
                Collectors.toMap(
                    id -> id,
                    id ->
                        new JobStatus(
                            id,
                            List.of(
                                call >= endsAfter.getOrDefault(id, Integer.MAX_VALUE)
                                    ? ends.get(id)
                                    : job(id, JobState.RUNNING, Optional.empty())),
                            Set.of()))));
  }

  /** Registers a waiter on a job that ends as {@code end} in the given call (null: never). */
  private CompletableFuture<JobStatus> waitFor(String jobId, int call, SlurmJob end, Duration t) {
    if (end != null) {
      endsAfter.put(jobId, call);
      ends.put(jobId, end);
    }
    return poller.await(jobId, HOME, INTERVAL, t);
  }

  static SlurmJob job(String id, JobState state, Optional<ExitCode> exit) {
    return new SlurmJob(
        id,
        "test",
        state,
        state.name(),
        Optional.empty(),
        exit,
        Optional.of("node-1"),
        Optional.of("queue1"),
        JobTimes.UNKNOWN,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void waitersOfOneHeadNodeShareEveryStatusCall() {
    SlurmJob completed = job("101", JobState.COMPLETED, Optional.of(ExitCode.SUCCESS));
    SlurmJob failed = job("102", JobState.FAILED, Optional.of(new ExitCode(3, 0)));
    SlurmJob cancelled = job("103", JobState.CANCELLED, Optional.of(new ExitCode(0, 15)));

    try (LogCapture log = new LogCapture()) {
      CompletableFuture<JobStatus> first = waitFor("101", 3, completed, LONG);
      CompletableFuture<JobStatus> second = waitFor("102", 4, failed, LONG);
      CompletableFuture<JobStatus> third = waitFor("103", 5, cancelled, LONG);
      CompletableFuture<JobStatus> again = poller.await("101", HOME, INTERVAL, LONG);
      poller.loop().wake();

      await().atMost(Duration.ofSeconds(10)).until(() -> poller.idle());

      assertThat(first.join().jobs()).containsExactly(completed);
      assertThat(again.join()).isSameAs(first.join());
      assertThat(second.join().state()).as("a failed job ends the wait").isEqualTo(JobState.FAILED);
      assertThat(third.join().state()).isEqualTo(JobState.CANCELLED);
      assertThat(calls).hasSize(5);
      assertThat(calls.subList(0, 3))
          .allSatisfy(call -> assertThat(call).containsExactlyInAnyOrder("101", "102", "103"));
      assertThat(calls.get(3)).containsExactlyInAnyOrder("102", "103");
      assertThat(calls.get(4)).containsExactly("103");
      assertThat(log.text())
          .contains("job 101: RUNNING -> COMPLETED after ")
          .contains("job 102: RUNNING -> FAILED (exit 3:0) after ")
          .contains("job 103: RUNNING -> CANCELLED (exit 0:15) after ");
    }
  }

  @Test
  void aJobThatDoesNotEndInTimeFailsItsWaiterOnly() {
    CompletableFuture<JobStatus> endless = waitFor("201", 0, null, Duration.ofMillis(200));
    CompletableFuture<JobStatus> quick =
        waitFor("202", 2, job("202", JobState.COMPLETED, Optional.of(ExitCode.SUCCESS)), LONG);
    poller.loop().wake();

    await().atMost(Duration.ofSeconds(10)).until(endless::isDone);

    assertThat(quick).isCompletedWithValueMatching(s -> s.state() == JobState.COMPLETED);
    assertThatThrownBy(endless::join)
        .cause()
        .isInstanceOfSatisfying(
            WaitTimeoutException.class,
            timeout -> {
              assertThat(timeout.kind()).isEqualTo("job");
              assertThat(timeout.name()).isEqualTo("201");
              assertThat(timeout.state()).isEqualTo("RUNNING");
              assertThat(timeout)
                  .hasMessageContaining("waiting for job 201 to reach a final state");
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> poller.idle());
  }

  @Test
  void aFailedStatusCallKeepsTheWaitersWaiting() {
    AtomicInteger attempts = new AtomicInteger();
    JobPoller flaky =
        new JobPoller(
            scheduler,
            watched ->
                attempts.incrementAndGet() == 1
                    ? CompletableFuture.failedFuture(new IllegalStateException("ssh down"))
                    : status(watched),
            "flaky status polls",
            retired -> {});
    endsAfter.put("301", 1);
    ends.put("301", job("301", JobState.COMPLETED, Optional.of(ExitCode.SUCCESS)));

    CompletableFuture<JobStatus> waiter = flaky.await("301", HOME, INTERVAL, LONG);
    flaky.loop().wake();

    assertThat(waiter.join().state()).isEqualTo(JobState.COMPLETED);
    assertThat(attempts).hasValue(2);
    flaky.close();
  }

  @Test
  void closingFailsTheWaiters() {
    CompletableFuture<JobStatus> waiter = waitFor("401", 0, null, LONG);

    poller.close();

    assertThatThrownBy(waiter::join)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("job 401");
  }
}
