package io.camelpcluster.console.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * This machine as the clusters' head node: the Slurm that {@code scripts/local-slurm.sh} sets up.
 */
final class LocalSlurm {

  private LocalSlurm() {}

  /** Skips the rest of the calling test unless Slurm's commands are installed here. */
  static void assumeInstalled() {
    boolean sinfo =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
            .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "sinfo")));
    assumeTrue(
        sinfo,
        "sinfo is not installed: the job steps need the local Slurm that 'bash"
            + " scripts/local-slurm.sh' sets up (as root)");
  }
}
