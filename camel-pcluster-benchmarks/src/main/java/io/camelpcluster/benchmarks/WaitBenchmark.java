package io.camelpcluster.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures waiting on N clusters at once through the component's {@code WaitService} and through a
 * Camel route ({@code pcluster:waitCluster}), against the emulator: live threads, heap,
 * ListClusters calls per poll interval, and the time from the clusters' state change to the waits
 * completing. Not a test: run it with {@code -Xmx256m} (see the module's README).
 *
 * <p>Arguments: the cluster counts (default {@code 100 1000 5000}), then optionally {@code
 * --interval=1s}, {@code --page-size=50}, {@code --window=5} (intervals measured in steady state),
 * {@code --no-camel} (skip the runs through a Camel route).
 */
public final class WaitBenchmark {
  private WaitBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    Duration interval = Duration.ofSeconds(1);
    int pageSize = 50;
    int window = 5;
    boolean withCamel = true;
    for (String arg : args) {
      if (arg.equals("--no-camel")) {
        withCamel = false;
      } else if (arg.startsWith("--interval=")) {
        interval =
            Duration.parse("PT" + arg.substring("--interval=".length()).toUpperCase(Locale.ROOT));
      } else if (arg.startsWith("--page-size=")) {
        pageSize = Integer.parseInt(arg.substring("--page-size=".length()));
      } else if (arg.startsWith("--window=")) {
        window = Integer.parseInt(arg.substring("--window=".length()));
      } else {
        sizes.add(Integer.parseInt(arg));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(100, 1_000, 5_000);
    }
    ServiceRun service = new ServiceRun(interval, pageSize, window);
    CamelRun camel = new CamelRun(interval, pageSize, window);
    System.out.printf(
        "Waiting on N clusters at once: poll interval %s, ListClusters page size %d, heap max %.0f"
            + " MB, %d cores, Java %s%n",
        interval,
        pageSize,
        Heap.maxMb(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    List<Phase.Result> results = new ArrayList<>();
    for (int n : sizes) {
      results.addAll(service.run(n));
      if (withCamel) {
        results.add(camel.run(n));
      }
    }
    System.out.println();
    System.out.println(ResultTable.render(results));
  }
}
