package io.camelpcluster.pcluster.wait;

import io.camelpcluster.pcluster.jobs.JobService;
import io.camelpcluster.pcluster.jobs.JobStatus;
import io.camelpcluster.pcluster.slurm.JobFiles;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The jobs waited on at one head node: once per interval, one status call ({@link
 * JobService#status}) for every job any exchange waits on, whatever the number of waiters.
 */
final class JobPoller implements Poller {
  private final ScheduledExecutorService scheduler;
  private final Function<Map<String, JobFiles>, CompletableFuture<Map<String, JobStatus>>> status;
  private final WatchTable<JobStatus, JobStatus> waiters;
  private final PollLoop loop;

  /** The files of each job waited on; guarded by this. */
  private final Map<String, JobFiles> files = new HashMap<>();

  /**
   * @param status the head node's status call, e.g. {@link JobService#status}
   * @param description what a round does, for logs
   * @param retire called once idle for a full interval
   */
  JobPoller(
      ScheduledExecutorService scheduler,
      Function<Map<String, JobFiles>, CompletableFuture<Map<String, JobStatus>>> status,
      String description,
      Consumer<Poller> retire) {
    this.scheduler = scheduler;
    this.status = status;
    this.waiters = new WatchTable<>(new JobResource(), Duration.ZERO, 1);
    this.loop = new PollLoop(scheduler, this, description, () -> retire.accept(this));
  }

  synchronized CompletableFuture<JobStatus> await(
      String jobId, JobFiles jobFiles, Duration interval, Duration timeout) {
    CompletableFuture<JobStatus> future = new CompletableFuture<>();
    files.putIfAbsent(jobId, jobFiles);
    waiters.add(jobId, JobResource.TARGET, JobResource::judge, interval, timeout, future);
    return future;
  }

  /** The jobs waited on, by id, with their state as last seen. */
  Map<String, String> lastSeen() {
    return waiters.lastSeen();
  }

  @Override
  public PollLoop loop() {
    return loop;
  }

  @Override
  public CompletableFuture<?> poll(long roundStart) {
    Map<String, JobFiles> watched = new LinkedHashMap<>();
    synchronized (this) {
      List<String> names = waiters.names();
      files.keySet().retainAll(names);
      names.forEach(id -> watched.put(id, files.get(id)));
    }
    return status
        .apply(watched)
        .thenAcceptAsync(
            statuses ->
                statuses.forEach((jobId, status) -> waiters.observe(jobId, status, roundStart)),
            scheduler);
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
