package io.camelpcluster.pcluster.wait;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ComputeFleetResponse;
import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.DescribeComputeFleetRequest;
import io.camelpcluster.pcluster.api.model.DescribeImageRequest;
import io.camelpcluster.pcluster.api.model.DescribeImageResponse;
import io.camelpcluster.pcluster.api.model.ImageInfoSummary;
import io.camelpcluster.pcluster.jobs.JobService;
import io.camelpcluster.pcluster.jobs.JobStatus;
import io.camelpcluster.pcluster.slurm.JobFiles;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Waits for clusters, custom images and compute fleets to reach a state and for Slurm jobs to end,
 * and reports cluster changes, by polling without a thread per waiter: the polls run on the given
 * scheduler and the client's calls are asynchronous. One per component; thread-safe.
 *
 * <p>Polling is coalesced per (client, region): every cluster waiter and sensor subscription shares
 * one ListClusters walk (all pages) per interval; every image waiter one DescribeImage per distinct
 * image per interval; every compute-fleet waiter one DescribeComputeFleet per distinct cluster per
 * interval; every job waiter of one head node ({@link JobService}) one {@link JobService#status}
 * call per interval. When waiters ask for different intervals the shortest is used. A poll is never
 * started while the previous one is in flight. A failed poll (throttling, 5xx, no connection) is
 * logged and the next one runs on time; only the timeout fails a waiter besides a failed end state.
 *
 * <p>Images are described one by one rather than listed: image builds are few and take long, and
 * one walk of ListImages takes at least three calls (AVAILABLE, PENDING and FAILED, the first
 * returning every AMI of the region unpaged) while an image being deleted or updated is in none of
 * those lists. DescribeImage answers exactly, with the stack status reason of a failed build.
 */
public final class WaitService implements AutoCloseable {
  /** How long a cluster or image may stay unseen after a waiter starts (eventual consistency). */
  public static final Duration DEFAULT_ABSENCE_GRACE = Duration.ofMinutes(1);

  private static final Pattern RESOURCE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]{1,127}");

  private final ScheduledExecutorService scheduler;
  private final Duration absenceGrace;
  private final Clock clock;
  private final ConcurrentMap<PollKey, ClusterPoller> clusters = new ConcurrentHashMap<>();
  private final ConcurrentMap<PollKey, DescribePoller<DescribeImageResponse, ImageInfoSummary>>
      images = new ConcurrentHashMap<>();
  private final ConcurrentMap<PollKey, DescribePoller<ComputeFleetStatus, ComputeFleetStatus>>
      fleets = new ConcurrentHashMap<>();
  private final ConcurrentMap<JobService, JobPoller> jobs = new ConcurrentHashMap<>();

  /** Registrations share it, {@link #close()} takes it alone: nothing registers while closing. */
  private final ReadWriteLock closing = new ReentrantReadWriteLock();

  private boolean closed;

  /**
   * A service polling on {@code scheduler} (not shut down by {@link #close()}), with the default
   * absence grace.
   */
  public WaitService(ScheduledExecutorService scheduler) {
    this(scheduler, DEFAULT_ABSENCE_GRACE, Clock.systemUTC());
  }

  /**
   * @param absenceGrace how long a cluster or image that a waiter needs to exist may stay unseen
   *     after the waiter starts before it fails (ListClusters is eventually consistent)
   * @param clock the time stamped on cluster events
   */
  public WaitService(ScheduledExecutorService scheduler, Duration absenceGrace, Clock clock) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.absenceGrace = requireNotNegative(absenceGrace, "absenceGrace");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Completes with the cluster as listed once it reaches {@code target} (for {@link
   * ClusterTarget#deleted()}: as last listed, or null if never seen); fails with {@link
   * WaitFailedException} or {@link WaitTimeoutException}. Cancelling the future stops the wait.
   *
   * @param region the region, or null for the client's default
   */
  public CompletableFuture<ClusterInfoSummary> awaitCluster(
      ParallelClusterAsyncClient client,
      String region,
      String clusterName,
      ClusterTarget target,
      Duration pollInterval,
      Duration timeout) {
    Objects.requireNonNull(target, "target");
    requireName(clusterName, "clusterName");
    requireTimes(pollInterval, timeout);
    return register(
        clusters,
        new PollKey(Objects.requireNonNull(client, "client"), region),
        this::clusterPoller,
        poller -> poller.await(clusterName, target, pollInterval, timeout));
  }

  /**
   * Completes with the image once it reaches {@code target} (for {@link ImageTarget#deleted()}: as
   * last described, or null if never seen); fails with {@link WaitFailedException} or {@link
   * WaitTimeoutException}.
   *
   * @param region the region, or null for the client's default
   */
  public CompletableFuture<ImageInfoSummary> awaitImage(
      ParallelClusterAsyncClient client,
      String region,
      String imageId,
      ImageTarget target,
      Duration pollInterval,
      Duration timeout) {
    Objects.requireNonNull(target, "target");
    requireName(imageId, "imageId");
    requireTimes(pollInterval, timeout);
    return register(
        images,
        new PollKey(Objects.requireNonNull(client, "client"), region),
        this::imagePoller,
        poller ->
            poller.await(
                imageId,
                target.name(),
                image -> target.judge(image == null ? null : image.imageBuildStatus()),
                pollInterval,
                timeout));
  }

  /**
   * Completes with {@code target} once the cluster's compute fleet reports it; fails with {@link
   * WaitFailedException} when the cluster does not exist or the fleet is {@code PROTECTED} while
   * waiting for {@code RUNNING}, or with {@link WaitTimeoutException}.
   *
   * @param region the region, or null for the client's default
   */
  public CompletableFuture<ComputeFleetStatus> awaitComputeFleet(
      ParallelClusterAsyncClient client,
      String region,
      String clusterName,
      ComputeFleetStatus target,
      Duration pollInterval,
      Duration timeout) {
    if (target == null || target == ComputeFleetStatus.UNKNOWN_TO_CLIENT) {
      throw new IllegalArgumentException("a compute fleet status to wait for is required");
    }
    requireName(clusterName, "clusterName");
    requireTimes(pollInterval, timeout);
    return register(
        fleets,
        new PollKey(Objects.requireNonNull(client, "client"), region),
        this::fleetPoller,
        poller ->
            poller.await(
                clusterName,
                target.name(),
                seen -> FleetResource.judge(target, seen),
                pollInterval,
                timeout));
  }

  /**
   * Completes with the job's status once it {@linkplain JobStatus#isFinal() is final}, whatever the
   * state (COMPLETED, FAILED, CANCELLED, TIMEOUT, or lost); fails with {@link
   * WaitTimeoutException}. Each transition is logged with the time elapsed. Cancelling the future
   * stops the wait, not the job.
   *
   * @param jobs the head node's job service; its waiters share one status call per interval
   * @param jobId the job id ({@code 123}, an array's id, or {@code 123_4} for one array task)
   * @param files the files of the job's submission, where its exit code is recorded
   */
  public CompletableFuture<JobStatus> awaitJob(
      JobService jobs, String jobId, JobFiles files, Duration pollInterval, Duration timeout) {
    Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(files, "files");
    JobFiles.checkKey(jobId);
    requireTimes(pollInterval, timeout);
    return register(
        this.jobs,
        jobs,
        this::jobPoller,
        poller -> poller.await(jobId, files, pollInterval, timeout));
  }

  /**
   * Reports cluster changes seen by the shared ListClusters walk of (client, region): {@link
   * ClusterEventType#CREATED}, {@link ClusterEventType#STATUS_CHANGED}, {@link
   * ClusterEventType#DELETED}, in order, one poll at a time, on a scheduler thread. A listener that
   * throws is logged and keeps receiving events.
   *
   * @param emitInitialState whether the first poll reports every matching cluster as CREATED;
   *     otherwise only clusters appearing later are
   */
  public Subscription watchClusters(
      ParallelClusterAsyncClient client,
      String region,
      Duration pollInterval,
      ClusterEventFilter filter,
      boolean emitInitialState,
      Consumer<ClusterEvent> listener) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(listener, "listener");
    requirePositive(pollInterval, "pollInterval");
    CompletableFuture<Subscription> subscription =
        register(
            clusters,
            new PollKey(Objects.requireNonNull(client, "client"), region),
            this::clusterPoller,
            poller ->
                CompletableFuture.completedFuture(
                    poller.subscribe(filter, emitInitialState, pollInterval, listener)));
    if (subscription.isCompletedExceptionally()) {
      throw new IllegalStateException("the wait service is closed");
    }
    return subscription.join();
  }

  /**
   * A Slurm job being waited on.
   *
   * @param headNode the head node's access, as its logs name it
   * @param lastSeen the job's state as last seen, labelled as in the logs ({@code not seen} before
   *     the first status round)
   */
  public record JobWait(String headNode, String jobId, String lastSeen) {}

  /** The Slurm jobs waited on now: a snapshot, for consoles and diagnostics. */
  public List<JobWait> jobWaits() {
    List<JobWait> waits = new ArrayList<>();
    jobs.forEach(
        (service, poller) ->
            poller
                .lastSeen()
                .forEach(
                    (jobId, state) ->
                        waits.add(new JobWait(service.access().toString(), jobId, state))));
    return waits;
  }

  /** Stops every poll; pending waits fail with {@link IllegalStateException}, subscriptions end. */
  @Override
  public void close() {
    List<Poller> all = new ArrayList<>();
    closing.writeLock().lock();
    try {
      closed = true;
      all.addAll(clusters.values());
      all.addAll(images.values());
      all.addAll(fleets.values());
      all.addAll(jobs.values());
      clusters.clear();
      images.clear();
      fleets.clear();
      jobs.clear();
    } finally {
      closing.writeLock().unlock();
    }
    all.forEach(Poller::close);
  }

  private <K, P extends Poller, T> CompletableFuture<T> register(
      ConcurrentMap<K, P> pollers,
      K key,
      Function<K, P> create,
      Function<P, CompletableFuture<T>> add) {
    List<CompletableFuture<T>> added = new ArrayList<>(1);
    P poller;
    closing.readLock().lock();
    try {
      if (closed) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("the wait service is closed"));
      }
      poller =
          pollers.compute(
              key,
              (k, existing) -> {
                P current = existing != null ? existing : create.apply(k);
                added.add(add.apply(current));
                return current;
              });
    } finally {
      closing.readLock().unlock();
    }
    poller.loop().wake();
    return added.get(0);
  }

  private ClusterPoller clusterPoller(PollKey key) {
    return new ClusterPoller(key, scheduler, absenceGrace, clock, retire(clusters, key));
  }

  private DescribePoller<DescribeImageResponse, ImageInfoSummary> imagePoller(PollKey key) {
    return new DescribePoller<>(
        scheduler,
        new ImageResource(key.client(), key.region()),
        imageId -> key.client().describeImage(new DescribeImageRequest(imageId, key.region())),
        "DescribeImage polls in " + key.regionName(),
        absenceGrace,
        retire(images, key));
  }

  private DescribePoller<ComputeFleetStatus, ComputeFleetStatus> fleetPoller(PollKey key) {
    return new DescribePoller<>(
        scheduler,
        new FleetResource(),
        clusterName ->
            key.client()
                .describeComputeFleet(new DescribeComputeFleetRequest(clusterName, key.region()))
                .thenApply(ComputeFleetResponse::status),
        "DescribeComputeFleet polls in " + key.regionName(),
        absenceGrace,
        retire(fleets, key));
  }

  private JobPoller jobPoller(JobService service) {
    return new JobPoller(
        scheduler, service::status, "Slurm status polls of " + service, retire(jobs, service));
  }

  /** Forgets an idle poller, unless a waiter came in the meantime. */
  private static <K, P extends Poller> Consumer<Poller> retire(ConcurrentMap<K, P> pollers, K key) {
    return poller -> {
      boolean[] removed = {false};
      pollers.computeIfPresent(
          key,
          (k, current) -> {
            if (current == poller && current.idle()) {
              removed[0] = true;
              return null;
            }
            return current;
          });
      if (removed[0]) {
        poller.loop().close();
      }
    };
  }

  private static void requireName(String name, String what) {
    if (name == null || !RESOURCE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " must start with a letter and hold 2 to 128 letters, digits and hyphens, got "
              + Names.quote(name));
    }
  }

  private static void requireTimes(Duration pollInterval, Duration timeout) {
    requirePositive(pollInterval, "pollInterval");
    requirePositive(timeout, "timeout");
  }

  private static void requirePositive(Duration duration, String what) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + duration);
    }
  }

  private static Duration requireNotNegative(Duration duration, String what) {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException(what + " must be zero or positive, got " + duration);
    }
    return duration;
  }
}
