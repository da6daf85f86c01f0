package io.camelpcluster.benchmarks;

import java.util.Set;
import java.util.stream.Collectors;

/** The live threads of the JVM at one moment. */
record ThreadCensus(Set<Long> ids, int total, int emulator) {
  private static final String EMULATOR_PREFIX = "pcluster-emulator-";

  /** Prefix of the threads of the benchmark's own setup calls. */
  static final String SETUP_PREFIX = "bench-setup-";

  static ThreadCensus take() {
    Set<Thread> live = Thread.getAllStackTraces().keySet();
    return new ThreadCensus(
        live.stream().map(Thread::getId).collect(Collectors.toSet()),
        live.size(),
        (int) live.stream().filter(t -> t.getName().startsWith(EMULATOR_PREFIX)).count());
  }

  /**
   * Threads alive now that were not at {@code baseline}, except the emulator's workers and those of
   * the benchmark's setup calls.
   */
  static int addedSince(ThreadCensus baseline) {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> !baseline.ids().contains(t.getId()))
            .filter(t -> !t.getName().startsWith(EMULATOR_PREFIX))
            .filter(t -> !t.getName().startsWith(SETUP_PREFIX))
            .count();
  }
}
