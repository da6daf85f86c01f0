package io.camelpcluster.pipeline;

import java.util.List;

/** Where a {@link PipelineJournal} keeps its runs. */
sealed interface RunStore permits RunStore.Memory, DirectoryRunStore {

  /** The runs stored so far; unreadable entries are reported and skipped. */
  List<PipelineRun> load();

  /** Stores a run, replacing any earlier version of it, atomically. */
  void save(PipelineRun run);

  /** Forgets a run. */
  void delete(String runId);

  /** Unreadable entries {@link #load} skipped, each with the reason. */
  List<String> skipped();

  /** Keeps nothing beyond the journal's own memory: runs live as long as the process. */
  final class Memory implements RunStore {
    @Override
    public List<PipelineRun> load() {
      return List.of();
    }

    @Override
    public void save(PipelineRun run) {}

    @Override
    public void delete(String runId) {}

    @Override
    public List<String> skipped() {
      return List.of();
    }

    @Override
    public String toString() {
      return "memory";
    }
  }
}
