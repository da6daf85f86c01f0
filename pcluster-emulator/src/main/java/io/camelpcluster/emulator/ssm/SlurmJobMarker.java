package io.camelpcluster.emulator.ssm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties the Slurm jobs submitted by a head node's commands to that head node, so that they can be
 * cancelled when its cluster is deleted; every emulated cluster shares the one Slurm of this
 * machine.
 *
 * <p>An environment variable cannot carry the mark: commands switch to the cluster user with {@code
 * runuser -l}, which clears the environment and starts a new session. A mount namespace survives
 * both: each command runs in its own, where {@code sbatch}, {@code salloc} and {@code srun} are
 * bind-mounted wrappers that add {@code --wckey=pcluster-emulator-<instance id>} before the
 * caller's options (so an explicit {@code --wckey} of the caller still wins, and {@code srun}
 * inside an allocation is left alone). Deleting the cluster runs {@code scancel --wckey=<that
 * key>}. Nothing changes outside the namespaces.
 *
 * <p>Without the Slurm clients, or without the right to create mount namespaces (not root, or a
 * container without {@code CAP_SYS_ADMIN}), commands run unmarked and nothing is cancelled.
 */
final class SlurmJobMarker {
  private static final Logger LOG = LoggerFactory.getLogger(SlurmJobMarker.class);

  private static final List<String> SEARCH_PATH =
      List.of("/usr/local/bin", "/usr/bin", "/bin", "/opt/slurm/bin", "/usr/sbin", "/sbin");
  private static final List<String> CLIENTS = List.of("sbatch", "salloc", "srun");
  private static final String WCKEY_PREFIX = "pcluster-emulator-";

  /** Binds each pair of arguments up to {@code --}, then runs the rest. */
  private static final String BIND_THEN_EXEC =
      "while [ \"$1\" != -- ]; do mount --bind \"$1\" \"$2\" || exit 125; shift 2; done;"
          + " shift; exec \"$@\"";

  private static final long SCANCEL_TIMEOUT_SECONDS = 30;

  private final Path directory;
  private final Map<String, Path> clients;
  private final Path scancel;
  private final Path unshare;
  private Boolean namespacesWork;

  private SlurmJobMarker(Path directory, Map<String, Path> clients, Path scancel, Path unshare) {
    this.directory = directory;
    this.clients = clients;
    this.scancel = scancel;
    this.unshare = unshare;
  }

  /** Finds the Slurm clients of this machine; wrappers go under {@code directory}. */
  static SlurmJobMarker create(Path directory) throws IOException {
    Map<String, Path> clients = new LinkedHashMap<>();
    for (String name : CLIENTS) {
      Optional<Path> found = find(name);
      if (found.isPresent()) {
        clients.put(name, found.get().toRealPath());
      }
    }
    Files.createDirectories(directory.resolve("real"));
    for (String name : clients.keySet()) {
      Path placeholder = directory.resolve("real").resolve(name);
      if (!Files.exists(placeholder)) {
        Files.createFile(placeholder, PosixFilePermissions.asFileAttribute(executable()));
      }
    }
    return new SlurmJobMarker(
        directory, clients, find("scancel").orElse(null), find("unshare").orElse(null));
  }

  /** The workload characterization key of the jobs of a head node. */
  static String wckey(String instanceId) {
    return WCKEY_PREFIX + instanceId;
  }

  /**
   * The command line that runs {@code command} as a command of the head node {@code instanceId}: in
   * a mount namespace with the marking wrappers, or as it is when marking is unavailable.
   */
  List<String> launcher(String instanceId, List<String> command) throws IOException {
    if (!enabled()) {
      return command;
    }
    Path wrappers = wrappers(instanceId);
    List<String> line = new ArrayList<>(List.of(unshare.toString(), "--mount", "--propagation"));
    line.addAll(List.of("private", "--", "/bin/sh", "-c", BIND_THEN_EXEC, "sh"));
    clients.forEach(
        (name, real) -> {
          line.add(real.toString());
          line.add(placeholder(name).toString());
        });
    clients.forEach(
        (name, real) -> {
          line.add(wrappers.resolve(name).toString());
          line.add(real.toString());
        });
    line.add("--");
    line.addAll(command);
    return line;
  }

  /**
   * Cancels the jobs of a head node that are still pending or running. Blocks until {@code scancel}
   * is done.
   */
  void cancelJobs(String instanceId) {
    if (!enabled() || scancel == null) {
      return;
    }
    String key = wckey(instanceId);
    try {
      Process process =
          new ProcessBuilder(scancel.toString(), "--wckey=" + key)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(SCANCEL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        LOG.warn("scancel --wckey={} did not finish in {} s", key, SCANCEL_TIMEOUT_SECONDS);
      } else if (process.exitValue() != 0) {
        LOG.warn("scancel --wckey={} failed with exit code {}", key, process.exitValue());
      } else {
        LOG.debug("Cancelled the Slurm jobs with wckey {}", key);
      }
    } catch (IOException e) {
      LOG.warn("Cannot run scancel for wckey {}", key, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized boolean enabled() {
    if (namespacesWork == null) {
      namespacesWork = !clients.isEmpty() && unshare != null && canUnshare();
      if (clients.isEmpty()) {
        LOG.info("No Slurm clients on this machine: SSM commands run without job marking");
      } else if (!namespacesWork) {
        LOG.warn(
            "Cannot create mount namespaces (needs root): Slurm jobs submitted through SSM are"
                + " not cancelled when their cluster is deleted");
      }
    }
    return namespacesWork;
  }

  private boolean canUnshare() {
    try {
      Process probe =
          new ProcessBuilder(unshare.toString(), "--mount", "--propagation", "private", "true")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Writes the wrappers of a head node once (only the agent's thread launches commands). */
  private Path wrappers(String instanceId) throws IOException {
    Path dir = directory.resolve(instanceId);
    if (Files.isDirectory(dir)) {
      return dir;
    }
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, executable());
    String key = wckey(instanceId);
    for (String name : clients.keySet()) {
      String real = quote(placeholder(name).toString());
      String marked = "exec " + real + " --wckey=" + quote(key) + " \"$@\"\n";
      String script =
          "#!/bin/sh\n# "
              + name
              + " on the emulated head node "
              + instanceId
              + ": its jobs carry the wckey "
              + key
              + "\n"
              + (name.equals("sbatch")
                  ? marked
                  : "[ -n \"${SLURM_JOB_ID:-}\" ] && exec " + real + " \"$@\"\n" + marked);
      Path wrapper = dir.resolve(name);
      Files.writeString(wrapper, script, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(wrapper, executable());
    }
    return dir;
  }

  private Path placeholder(String name) {
    return directory.resolve("real").resolve(name);
  }

  private static Optional<Path> find(String name) {
    return SEARCH_PATH.stream()
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> executable() {
    return PosixFilePermissions.fromString("rwxr-xr-x");
  }
}
