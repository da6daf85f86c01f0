package io.camelpcluster.pcluster.slurm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Slurm's job states onto {@link JobState}: long names ({@code RUNNING}), compact codes
 * ({@code R}), names with a suffix ({@code CANCELLED by 1001}) and the flag lists of {@code squeue
 * --json} in Slurm 23.11 and later ({@code ["PENDING","REQUEUED"]}).
 *
 * <p>Flags win over the base state in the order {@code squeue} displays them, so a finished job
 * whose epilog still runs ({@code ["COMPLETED","COMPLETING"]}) is {@link JobState#RUNNING} until
 * Slurm releases it, exactly as {@code squeue} shows {@code CG}.
 */
public final class SlurmState {

  private static final Map<String, JobState> STATES =
      Map.ofEntries(
          Map.entry("PENDING", JobState.QUEUED),
          Map.entry("PD", JobState.QUEUED),
          Map.entry("CONFIGURING", JobState.QUEUED),
          Map.entry("CF", JobState.QUEUED),
          Map.entry("REQUEUED", JobState.QUEUED),
          Map.entry("RQ", JobState.QUEUED),
          Map.entry("REQUEUE_FED", JobState.QUEUED),
          Map.entry("RF", JobState.QUEUED),
          Map.entry("REQUEUE_HOLD", JobState.QUEUED),
          Map.entry("RH", JobState.QUEUED),
          Map.entry("SPECIAL_EXIT", JobState.QUEUED),
          Map.entry("SE", JobState.QUEUED),
          Map.entry("RESV_DEL_HOLD", JobState.QUEUED),
          Map.entry("RD", JobState.QUEUED),
          Map.entry("POWER_UP_NODE", JobState.QUEUED),
          Map.entry("RUNNING", JobState.RUNNING),
          Map.entry("R", JobState.RUNNING),
          Map.entry("SUSPENDED", JobState.RUNNING),
          Map.entry("S", JobState.RUNNING),
          Map.entry("COMPLETING", JobState.RUNNING),
          Map.entry("CG", JobState.RUNNING),
          Map.entry("STAGE_OUT", JobState.RUNNING),
          Map.entry("SO", JobState.RUNNING),
          Map.entry("SIGNALING", JobState.RUNNING),
          Map.entry("SI", JobState.RUNNING),
          Map.entry("RESIZING", JobState.RUNNING),
          Map.entry("RS", JobState.RUNNING),
          Map.entry("STOPPED", JobState.RUNNING),
          Map.entry("ST", JobState.RUNNING),
          Map.entry("COMPLETED", JobState.COMPLETED),
          Map.entry("CD", JobState.COMPLETED),
          Map.entry("FAILED", JobState.FAILED),
          Map.entry("F", JobState.FAILED),
          Map.entry("NODE_FAIL", JobState.FAILED),
          Map.entry("NF", JobState.FAILED),
          Map.entry("BOOT_FAIL", JobState.FAILED),
          Map.entry("BF", JobState.FAILED),
          Map.entry("OUT_OF_MEMORY", JobState.FAILED),
          Map.entry("OOM", JobState.FAILED),
          Map.entry("PREEMPTED", JobState.FAILED),
          Map.entry("PR", JobState.FAILED),
          Map.entry("CANCELLED", JobState.CANCELLED),
          Map.entry("CA", JobState.CANCELLED),
          Map.entry("REVOKED", JobState.CANCELLED),
          Map.entry("RV", JobState.CANCELLED),
          Map.entry("TIMEOUT", JobState.TIMEOUT),
          Map.entry("TO", JobState.TIMEOUT),
          Map.entry("DEADLINE", JobState.TIMEOUT),
          Map.entry("DL", JobState.TIMEOUT));

  /** State flags in the order squeue lets them override the base state. */
  private static final List<String> FLAG_PRECEDENCE =
      List.of(
          "COMPLETING",
          "STAGE_OUT",
          "CONFIGURING",
          "RESIZING",
          "REQUEUED",
          "REQUEUE_FED",
          "REQUEUE_HOLD",
          "SPECIAL_EXIT",
          "STOPPED",
          "REVOKED",
          "RESV_DEL_HOLD",
          "SIGNALING",
          "POWER_UP_NODE");

  private SlurmState() {}

  /**
   * Maps one Slurm state as printed by squeue, scontrol or sacct; anything after the first blank
   * ({@code CANCELLED by 1001}) is ignored.
   */
  public static JobState of(String state) {
    String name = state.strip();
    int blank = name.indexOf(' ');
    if (blank > 0) {
      name = name.substring(0, blank);
    }
    return STATES.getOrDefault(name.toUpperCase(Locale.ROOT), JobState.UNKNOWN);
  }

  /** Maps a base state with its flags, as {@code squeue --json} lists them since Slurm 23.11. */
  public static JobState of(List<String> states) {
    List<String> names = states.stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
    for (String flag : FLAG_PRECEDENCE) {
      if (names.contains(flag)) {
        return STATES.get(flag);
      }
    }
    return names.stream()
        .map(SlurmState::of)
        .filter(s -> s != JobState.UNKNOWN)
        .findFirst()
        .orElse(JobState.UNKNOWN);
  }

  /**
   * Applies the exit code: a job is {@link JobState#COMPLETED} only when it exited with 0 and no
   * signal, so a "completed" job with any other exit is {@link JobState#FAILED}.
   */
  public static JobState withExit(JobState state, Optional<ExitCode> exit) {
    if (state == JobState.COMPLETED && exit.isPresent() && !exit.get().isSuccess()) {
      return JobState.FAILED;
    }
    return state;
  }
}
