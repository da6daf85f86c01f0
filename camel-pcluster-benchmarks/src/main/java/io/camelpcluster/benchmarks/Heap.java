package io.camelpcluster.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap readings after a full collection. */
final class Heap {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private Heap() {}

  /** Megabytes of heap in use after a garbage collection. */
  static double usedAfterGcMb() {
    MEMORY.gc();
    MEMORY.gc();
    return MEMORY.getHeapMemoryUsage().getUsed() / 1_048_576.0;
  }

  static double maxMb() {
    return Runtime.getRuntime().maxMemory() / 1_048_576.0;
  }
}
