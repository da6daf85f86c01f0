package io.camelpcluster.pcluster.slurm;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The result of one status poll: the jobs Slurm still knows, and the polled ids it no longer knows.
 * A vanished job ended more than {@code MinJobAge} ago (or never existed); its outcome is in its
 * exit-code file ({@link ExitCodeRecords}).
 *
 * @param jobs the jobs (and array tasks) squeue printed
 * @param vanished the polled ids that matched nothing
 */
public record QueueSnapshot(List<SlurmJob> jobs, Set<String> vanished) {

  public QueueSnapshot {
    jobs = List.copyOf(jobs);
    vanished = Collections.unmodifiableSet(new LinkedHashSet<>(vanished));
  }
}
