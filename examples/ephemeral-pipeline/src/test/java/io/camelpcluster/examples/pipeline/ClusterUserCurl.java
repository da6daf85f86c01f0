package io.camelpcluster.examples.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs curl as the cluster user {@value #USER}, as a job on the cluster stages its input: {@code
 * runuser -u ec2-user -- curl ...}. Needs root and the user that scripts/local-slurm.sh creates.
 */
final class ClusterUserCurl {
  static final String USER = "ec2-user";

  /** What curl did. */
  record Result(int exitCode, String stdout, String stderr) {}

  private ClusterUserCurl() {}

  /** Skips the calling test unless this runs as root on a machine with the cluster user. */
  static UserPrincipal assumeClusterUser() {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "these tests run curl as " + USER + " through runuser and need root");
    try {
      return Path.of("/")
          .getFileSystem()
          .getUserPrincipalLookupService()
          .lookupPrincipalByName(USER);
    } catch (UserPrincipalNotFoundException e) {
      assumeTrue(
          false, USER + " does not exist: 'bash scripts/local-slurm.sh' creates it (as root)");
      throw new IllegalStateException("unreachable");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh directory under the system temp directory that belongs to the cluster user. */
  static Path newDirectory(UserPrincipal owner) {
    try {
      Path dir = Files.createTempDirectory("pipeline-staging-");
      Files.setOwner(dir, owner);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs curl with these arguments as the cluster user and waits at most 60 s. */
  static Result curl(String... args) {
    List<String> command = new ArrayList<>(List.of("runuser", "-u", USER, "--", "curl"));
    command.addAll(List.of("--max-time", "30"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).start();
      process.getOutputStream().close();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("curl did not finish within 60 s");
      }
      return new Result(
          process.exitValue(),
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
          new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for curl", e);
    }
  }
}
