package io.camelpcluster.pipeline;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of the pipeline's runs, and the idempotent repository that makes each input version
 * run once. Kept in memory ({@link #inMemory}) or, to survive restarts, in a directory with one
 * JSON file per run ({@link #inDirectory}). Thread-safe.
 *
 * <p><b>Idempotency.</b> Keys are {@link InputObject#idempotencyKey()}s. A key is contained when it
 * was {@link #add added} and its run has not begun yet, or when its latest run SUCCEEDED or FAILED,
 * or is RUNNING in this instance. A failed input is not retried (its error report says why); a new
 * version of the object (new ETag) is a new input. {@link #remove} only frees a key whose run has
 * not begun (what Camel's idempotent consumer does when an exchange fails before the run starts); a
 * key with a recorded run stays contained.
 *
 * <p><b>Recovery.</b> When the journal first loads (on start, or on first use), RUNNING runs of
 * another instance id are marked ABANDONED: the process that ran them is gone. Their keys are free
 * again, so the trigger's next sight of the object processes it exactly once more. {@link
 * #abandoned()} returns them so the caller can log them and reap their clusters. A pipeline id has
 * one running instance at a time.
 */
public final class PipelineJournal extends ServiceSupport implements IdempotentRepository {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineJournal.class);
  private static final int MAX_ERROR_LENGTH = 8192;
  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Comparator<PipelineRun> OLDEST_FIRST =
      Comparator.comparing(PipelineRun::started).thenComparing(PipelineRun::runId);
  private static final Comparator<PipelineRun> NEWEST_FIRST = OLDEST_FIRST.reversed();

  private final RunStore store;
  private final String instanceId;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private final Map<String, PipelineRun> runs = new LinkedHashMap<>();
  private final Map<String, PipelineRun> latestByKey = new HashMap<>();
  private final Set<String> claims = new HashSet<>();
  private List<PipelineRun> abandoned = List.of();
  private boolean loaded;

  PipelineJournal(RunStore store, String instanceId, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (instanceId.isBlank()) {
      throw new IllegalArgumentException("instanceId must not be blank");
    }
  }

  /** A journal in memory, for this process's lifetime, with a new random instance id. */
  public static PipelineJournal inMemory() {
    return inMemory(newInstanceId());
  }

  /**
   * A journal in memory, for this process's lifetime. The instance id must be new for each start of
   * the process: runs RUNNING under it are taken to be in flight here.
   */
  public static PipelineJournal inMemory(String instanceId) {
    return new PipelineJournal(new RunStore.Memory(), instanceId, Clock.systemUTC());
  }

  /**
   * A journal in a directory (created if missing), with a new random instance id: the persistent
   * store, which survives restarts.
   */
  public static PipelineJournal inDirectory(Path directory) {
    return inDirectory(directory, newInstanceId());
  }

  /**
   * A journal in a directory (created if missing) for the given instance. The instance id must be
   * new for each start of the process: runs RUNNING under it are taken to be in flight here, not
   * abandoned.
   */
  public static PipelineJournal inDirectory(Path directory, String instanceId) {
    return new PipelineJournal(new DirectoryRunStore(directory), instanceId, Clock.systemUTC());
  }

  /** A new random instance id: a UUID. */
  public static String newInstanceId() {
    return UUID.randomUUID().toString();
  }

  /** The id of this process's pipeline instance, also put in the clusters' tags. */
  public String instanceId() {
    return instanceId;
  }

  // ---- IdempotentRepository

  /** Claims a key; {@code false} when it is already contained (a duplicate). */
  @Override
  public synchronized boolean add(String key) {
    load();
    if (contains(key)) {
      return false;
    }
    claims.add(key);
    return true;
  }

  @Override
  public synchronized boolean contains(String key) {
    load();
    if (claims.contains(key)) {
      return true;
    }
    PipelineRun latest = latestByKey.get(key);
    return latest != null
        && switch (latest.state()) {
          case SUCCEEDED, FAILED -> true;
          case RUNNING -> latest.instanceId().equals(instanceId);
          case ABANDONED -> false;
        };
  }

  /** Frees a key claimed by {@link #add} whose run has not begun; see the class comment. */
  @Override
  public synchronized boolean remove(String key) {
    load();
    return claims.remove(key);
  }

  @Override
  public boolean confirm(String key) {
    return true;
  }

  /**
   * Forgets every claim and every run that is not in flight in this instance (deleting their files
   * in a directory store): all those inputs will be processed again.
   */
  @Override
  public synchronized void clear() {
    load();
    claims.clear();
    List<PipelineRun> forgotten = new ArrayList<>();
    for (PipelineRun run : runs.values()) {
      if (!inFlight(run)) {
        forgotten.add(run);
      }
    }
    for (PipelineRun run : forgotten) {
      store.delete(run.runId());
      runs.remove(run.runId());
    }
    latestByKey.clear();
    runs.values().forEach(this::index);
  }

  // ---- Runs

  /**
   * Begins a run for an input: a new run id, state RUNNING, in this instance. Consumes the claim
   * {@link #add} made for its key.
   *
   * @throws IllegalStateException if a run of this input is already in flight in this instance
   */
  public synchronized PipelineRun begin(String pipelineId, InputObject input) {
    load();
    String key = input.idempotencyKey();
    PipelineRun latest = latestByKey.get(key);
    if (latest != null && inFlight(latest)) {
      throw new IllegalStateException(
          "input " + input.displayName() + " is already being processed by run " + latest.runId());
    }
    Instant now = clock.instant();
    PipelineRun run =
        new PipelineRun(
            newRunId(now),
            pipelineId,
            instanceId,
            input,
            null,
            null,
            RunState.RUNNING,
            now,
            null,
            List.of(),
            null,
            null);
    put(run);
    claims.remove(key);
    return run;
  }

  /** Records that a step of a running run started now. */
  public PipelineRun stepStarted(String runId, String step) {
    Objects.requireNonNull(step, "step");
    Instant now = clock.instant();
    return updateRunning(
        runId, run -> run.withSteps(steps -> add(steps, RunStep.start(step, now))));
  }

  /**
   * Records that the latest running step of that name ended now: succeeded when {@code error} is
   * {@code null}, else failed with it. Starts and ends the step at once if it was not started.
   */
  public PipelineRun stepEnded(String runId, String step, String error) {
    Objects.requireNonNull(step, "step");
    Instant now = clock.instant();
    String why = error == null ? null : Texts.head(error, MAX_ERROR_LENGTH);
    return updateRunning(
        runId,
        run ->
            run.withSteps(
                steps -> {
                  for (int i = steps.size() - 1; i >= 0; i--) {
                    RunStep s = steps.get(i);
                    if (s.name().equals(step) && s.outcome() == RunStep.Outcome.RUNNING) {
                      steps.set(i, s.end(now, why));
                      return steps;
                    }
                  }
                  return add(steps, RunStep.start(step, now).end(now, why));
                }));
  }

  /** Records the name of the run's cluster. */
  public PipelineRun clusterName(String runId, String clusterName) {
    return updateRunning(runId, run -> run.withClusterName(clusterName));
  }

  /** Records the id of the run's job. */
  public PipelineRun jobId(String runId, String jobId) {
    return updateRunning(runId, run -> run.withJobId(jobId));
  }

  /** Records where the run's results go. */
  public PipelineRun resultPrefix(String runId, String resultPrefix) {
    return updateRunning(runId, run -> run.withResultPrefix(resultPrefix));
  }

  /**
   * Ends a running run as SUCCEEDED; {@code resultPrefix} is recorded unless {@code null}. A run
   * that has already ended is returned unchanged.
   */
  public PipelineRun succeed(String runId, String resultPrefix) {
    return finish(runId, RunState.SUCCEEDED, null, resultPrefix);
  }

  /**
   * Ends a running run as FAILED with the error; {@code resultPrefix} is recorded unless {@code
   * null}. Steps still running fail with it. A run that has already ended is returned unchanged.
   */
  public PipelineRun fail(String runId, String error, String resultPrefix) {
    return finish(runId, RunState.FAILED, error == null ? "failed" : error, resultPrefix);
  }

  /**
   * Ends a running run as ABANDONED: the application stopped during it, so its input is free to be
   * processed again (after the restart), exactly once more. A run that has already ended is
   * returned unchanged.
   */
  public PipelineRun abandon(String runId, String reason, String resultPrefix) {
    return finish(runId, RunState.ABANDONED, reason == null ? "abandoned" : reason, resultPrefix);
  }

  /** All runs, newest first. */
  public synchronized List<PipelineRun> runs() {
    load();
    List<PipelineRun> all = new ArrayList<>(runs.values());
    all.sort(NEWEST_FIRST);
    return all;
  }

  /** One run. */
  public synchronized Optional<PipelineRun> run(String runId) {
    load();
    return Optional.ofNullable(runs.get(runId));
  }

  /** The RUNNING runs of this instance, newest first. */
  public synchronized List<PipelineRun> inFlight() {
    return runs().stream().filter(this::inFlight).toList();
  }

  /** The runs this journal marked ABANDONED when it loaded (runs of a process that is gone). */
  public synchronized List<PipelineRun> abandoned() {
    load();
    return abandoned;
  }

  /** Files of a directory store that could not be read when loading, each with the reason. */
  public synchronized List<String> skippedFiles() {
    load();
    return store.skipped();
  }

  @Override
  protected void doStart() {
    synchronized (this) {
      load();
    }
  }

  @Override
  public String toString() {
    return "PipelineJournal[" + store + ", instance " + instanceId + "]";
  }

  // ---- internals

  private PipelineRun finish(String runId, RunState end, String error, String resultPrefix) {
    Instant now = clock.instant();
    String why = error == null ? null : Texts.head(error, MAX_ERROR_LENGTH);
    synchronized (this) {
      PipelineRun run = existing(runId);
      if (run.state().ended()) {
        return run;
      }
      PipelineRun ended = (resultPrefix == null ? run : run.withResultPrefix(resultPrefix));
      return put(ended.end(end, now, why));
    }
  }

  private synchronized PipelineRun updateRunning(String runId, UnaryOperator<PipelineRun> change) {
    PipelineRun run = existing(runId);
    if (run.state().ended()) {
      throw new IllegalStateException("run " + runId + " has already ended: " + run.state());
    }
    return put(change.apply(run));
  }

  private PipelineRun existing(String runId) {
    load();
    PipelineRun run = runs.get(Objects.requireNonNull(runId, "runId"));
    if (run == null) {
      throw new IllegalArgumentException("no run " + Texts.printable(runId, 64) + " in " + this);
    }
    return run;
  }

  private PipelineRun put(PipelineRun run) {
    store.save(run);
    runs.put(run.runId(), run);
    index(run);
    return run;
  }

  private void index(PipelineRun run) {
    latestByKey.merge(
        run.input().idempotencyKey(),
        run,
        (old, candidate) -> OLDEST_FIRST.compare(candidate, old) >= 0 ? candidate : old);
  }

  private boolean inFlight(PipelineRun run) {
    return run.state() == RunState.RUNNING && run.instanceId().equals(instanceId);
  }

  private void load() {
    if (loaded) {
      return;
    }
    Instant now = clock.instant();
    List<PipelineRun> gone = new ArrayList<>();
    for (PipelineRun run : store.load()) {
      if (run.state() == RunState.RUNNING && !run.instanceId().equals(instanceId)) {
        PipelineRun marked =
            run.end(
                RunState.ABANDONED,
                now,
                "abandoned: instance " + run.instanceId() + " stopped while the run was in flight");
        store.save(marked);
        gone.add(marked);
        run = marked;
      }
      runs.put(run.runId(), run);
      index(run);
    }
    gone.sort(NEWEST_FIRST);
    abandoned = List.copyOf(gone);
    loaded = true;
    for (PipelineRun run : abandoned) {
      LOG.warn(
          "Run {} of input {} (cluster {}) was abandoned by instance {}; the input will be"
              + " processed again",
          run.runId(),
          run.input().displayName(),
          run.clusterName(),
          run.instanceId());
    }
  }

  private String newRunId(Instant now) {
    String id;
    do {
      id = RUN_TIME.format(now) + "-" + Long.toString(random.nextLong() >>> 24, 36);
    } while (runs.containsKey(id));
    return id;
  }

  private static List<RunStep> add(List<RunStep> steps, RunStep step) {
    steps.add(step);
    return steps;
  }
}
