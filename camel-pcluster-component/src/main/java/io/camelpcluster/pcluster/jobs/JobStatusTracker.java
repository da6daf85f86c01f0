package io.camelpcluster.pcluster.jobs;

import io.camelpcluster.pcluster.slurm.ExitCode;
import io.camelpcluster.pcluster.slurm.ExitCodeRecords;
import io.camelpcluster.pcluster.slurm.JobFiles;
import io.camelpcluster.pcluster.slurm.JobState;
import io.camelpcluster.pcluster.slurm.SlurmJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What status rounds remember between them, per watched job: each job (or array task) as last seen,
 * and since when a job that left the queue has had no exit-code record. A round first {@linkplain
 * #observe observes} the queue, which names the jobs whose records must be read, then {@linkplain
 * Round#resolve resolves} them. A watched job is forgotten once it is reported final, or when it
 * has not been asked about for {@link #FORGET_AFTER}.
 */
final class JobStatusTracker {

  /** How long an unpolled watch is kept (a waiter gave up on it). */
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  private final Duration lostAfter;
  private final Map<String, Watch> watches = new ConcurrentHashMap<>();

  JobStatusTracker(Duration lostAfter) {
    this.lostAfter = lostAfter;
  }

  /**
   * One watched id: its jobs by id as last reported, as last seen in the queue, and what is known
   * of those that left it.
   */
  private static final class Watch {
    final Map<String, SlurmJob> jobs = new LinkedHashMap<>();
    final Map<String, SlurmJob> seen = new HashMap<>();
    final Map<String, Instant> missingSince = new HashMap<>();
    final Set<String> lost = new HashSet<>();
    volatile Instant polled;

    Watch(Instant polled) {
      this.polled = polled;
    }
  }

  /**
   * Takes in what squeue printed for the watched ids.
   *
   * @param watched the ids polled, with their files
   * @param listed the jobs squeue printed (array tasks one per line)
   */
  Round observe(Map<String, JobFiles> watched, List<SlurmJob> listed, Instant now) {
    watches.values().removeIf(w -> w.polled.plus(FORGET_AFTER).isBefore(now));
    Map<String, List<SlurmJob>> byWatched = new LinkedHashMap<>();
    watched.keySet().forEach(id -> byWatched.put(id, new ArrayList<>()));
    for (SlurmJob job : listed) {
      List<SlurmJob> own = byWatched.get(job.jobId());
      if (own == null) {
        own = byWatched.get(job.submissionId());
      }
      if (own != null) {
        own.add(job);
      }
    }
    Map<String, Map<String, JobFiles>> missing = new LinkedHashMap<>();
    byWatched.forEach(
        (id, current) -> {
          Watch watch = watches.computeIfAbsent(id, k -> new Watch(now));
          synchronized (watch) {
            watch.polled = now;
            watch.jobs.keySet().removeIf(JobStatusTracker::isPendingRange);
            watch.seen.keySet().removeIf(JobStatusTracker::isPendingRange);
            Set<String> present = new HashSet<>();
            for (SlurmJob job : current) {
              present.add(job.jobId());
              watch.jobs.put(job.jobId(), job);
              watch.seen.put(job.jobId(), job);
              watch.missingSince.remove(job.jobId());
            }
            Map<String, JobFiles> toRead = new LinkedHashMap<>();
            watch.jobs.forEach(
                (jobId, job) -> {
                  if (!present.contains(jobId)
                      && !job.isTerminal()
                      && !watch.lost.contains(jobId)) {
                    toRead.put(jobId, watched.get(id));
                  }
                });
            if (watch.jobs.isEmpty()) {
              toRead.put(id, watched.get(id));
            }
            if (!toRead.isEmpty()) {
              missing.put(id, toRead);
            }
          }
        });
    return new Round(watched.keySet(), missing);
  }

  /** A round between its queue poll and its exit-code read. */
  final class Round {
    private final Set<String> watched;
    private final Map<String, Map<String, JobFiles>> missing;

    private Round(Set<String> watched, Map<String, Map<String, JobFiles>> missing) {
      this.watched = Set.copyOf(watched);
      this.missing = missing;
    }

    /** The exit-code files to read: jobs that left the queue without being seen to end. */
    Map<String, JobFiles> exitCodesToRead() {
      Map<String, JobFiles> all = new LinkedHashMap<>();
      missing.values().forEach(all::putAll);
      return all;
    }

    /** The status of every watched id, given the exit-code records read (empty when none were). */
    Map<String, JobStatus> resolve(Map<String, Optional<ExitCode>> records, Instant now) {
      Map<String, JobStatus> statuses = new LinkedHashMap<>();
      for (String id : watched) {
        Watch watch = watches.get(id);
        if (watch == null) {
          continue;
        }
        JobStatus status;
        synchronized (watch) {
          missing
              .getOrDefault(id, Map.of())
              .keySet()
              .forEach(jobId -> resolveMissing(watch, jobId, records, now));
          status = new JobStatus(id, List.copyOf(watch.jobs.values()), watch.lost);
        }
        statuses.put(id, status);
        if (status.isFinal()) {
          watches.remove(id, watch);
        }
      }
      return statuses;
    }
  }

  private void resolveMissing(
      Watch watch, String jobId, Map<String, Optional<ExitCode>> records, Instant now) {
    Optional<SlurmJob> lastSeen = Optional.ofNullable(watch.seen.get(jobId));
    SlurmJob resolved =
        ExitCodeRecords.resolveVanished(
            jobId, lastSeen, records.getOrDefault(jobId, Optional.empty()));
    if (resolved.isTerminal()) {
      watch.missingSince.remove(jobId);
      watch.jobs.put(jobId, resolved);
      return;
    }
    Instant since = watch.missingSince.computeIfAbsent(jobId, k -> now);
    Duration missingFor = Duration.between(since, now);
    if (missingFor.compareTo(lostAfter) >= 0) {
      watch.lost.add(jobId);
      resolved = withReason(resolved, lostReason(jobId, lastSeen, missingFor));
    }
    watch.jobs.put(jobId, resolved);
  }

  private static String lostReason(String jobId, Optional<SlurmJob> lastSeen, Duration missing) {
    return "lost: job "
        + jobId
        + lastSeen.map(j -> " (last seen " + j.state() + ")").orElse(" (never seen in the queue)")
        + " left the Slurm queue and no exit-code record appeared within "
        + missing.toSeconds()
        + " s; it was cancelled before it started, killed with its node, or its working"
        + " directory is not on a file system the head node shares";
  }

  private static SlurmJob withReason(SlurmJob job, String reason) {
    return new SlurmJob(
        job.jobId(),
        job.name(),
        JobState.UNKNOWN,
        job.rawState(),
        Optional.of(reason),
        job.exitCode(),
        job.nodeList(),
        job.partition(),
        job.times(),
        job.arrayJobId(),
        job.arrayTaskId());
  }

  /** Pending array tasks squeue prints as one line, e.g. {@code 123_[5-9%2]}. */
  private static boolean isPendingRange(String jobId) {
    return jobId.indexOf('[') >= 0;
  }
}
