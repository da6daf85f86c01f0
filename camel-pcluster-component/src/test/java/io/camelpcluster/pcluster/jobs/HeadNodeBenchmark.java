package io.camelpcluster.pcluster.jobs;

import io.camelpcluster.pcluster.headnode.HeadNodeAccess;
import io.camelpcluster.pcluster.headnode.HeadNodeCommand;
import io.camelpcluster.pcluster.headnode.TestHeadNodes;
import io.camelpcluster.pcluster.slurm.JobSpec;
import io.camelpcluster.pcluster.slurm.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures, on the local test head node: the round trip of a trivial command through local and SSH
 * access, and the time from submitting the two-rank MPI job to seeing it COMPLETED (status polled
 * every 100 ms). Not a test; run with
 *
 * <pre>
 * mvn -o -q -pl camel-pcluster-component -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * cd camel-pcluster-component
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) \
 *     io.camelpcluster.pcluster.jobs.HeadNodeBenchmark
 * </pre>
 */
public final class HeadNodeBenchmark {

  private static final int ROUND_TRIPS = 100;
  private static final int MPI_JOBS = 5;

  private HeadNodeBenchmark() {}

  public static void main(String[] args) throws Exception {
    try (HeadNodeAccess local = TestHeadNodes.local();
        HeadNodeAccess ssh = TestHeadNodes.ssh()) {
      roundTrips("local", local);
      roundTrips("ssh", ssh);
      mpiLatency("local", local, Launcher.MPIRUN, List.of());
      mpiLatency("ssh", ssh, Launcher.SRUN, List.of("--mpi=pmix"));
    }
  }

  private static void roundTrips(String name, HeadNodeAccess access) {
    HeadNodeCommand command = new HeadNodeCommand("benchmark", "true", Duration.ofSeconds(30));
    for (int i = 0; i < 10; i++) {
      access.run(command).join();
    }
    long[] micros = new long[ROUND_TRIPS];
    for (int i = 0; i < ROUND_TRIPS; i++) {
      long start = System.nanoTime();
      access.run(command).join();
      micros[i] = (System.nanoTime() - start) / 1000;
    }
    print(name + " round trip of 'true'", micros);
  }

  private static void mpiLatency(
      String name, HeadNodeAccess access, Launcher launcher, List<String> launcherArgs)
      throws Exception {
    JobService jobs =
        new JobService(
            access, JobServiceOptions.defaults().withHeadNodeZone(ZoneId.systemDefault()));
    String dir = "camel-pcluster-bench/" + UUID.randomUUID();
    Duration timeout = Duration.ofSeconds(60);
    jobs.runCommand(List.of("mkdir", "-p", "--", dir), Optional.empty(), timeout).join();
    Path source = Files.createTempFile("hello_mpi", ".c");
    try (var in = HeadNodeBenchmark.class.getResourceAsStream("/jobs/hello_mpi.c")) {
      Files.write(source, in.readAllBytes());
    }
    access.upload(source, dir + "/hello_mpi.c", timeout).join();
    jobs.runCommand(List.of("mpicc", "-o", "hello_mpi", "hello_mpi.c"), Optional.of(dir), timeout)
        .join();
    JobSpec spec =
        JobSpec.builder()
            .command("./hello_mpi")
            .ntasks(2)
            .launcher(launcher)
            .launcherArguments(launcherArgs)
            .workingDirectory(dir)
            .build();
    long[] micros = new long[MPI_JOBS];
    for (int i = 0; i < MPI_JOBS; i++) {
      long start = System.nanoTime();
      JobSubmission job = jobs.submit(spec).join();
      JobStatus status;
      do {
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        status = jobs.status(Map.of(job.jobId(), job.files())).join().get(job.jobId());
      } while (!status.isFinal());
      micros[i] = (System.nanoTime() - start) / 1000;
      System.out.println("  " + name + " MPI job " + job.jobId() + ": " + status.state());
    }
    print(name + " MPI job submit -> final", micros);
    jobs.runCommand(List.of("rm", "-rf", "--", dir), Optional.empty(), timeout).join();
    jobs.runCommand(
            List.of("rmdir", "--ignore-fail-on-non-empty", "--", "camel-pcluster-bench"),
            Optional.empty(),
            timeout)
        .join();
    Files.delete(source);
  }

  private static void print(String what, long[] micros) {
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-34s n=%d  min %.1f ms  median %.1f ms  p90 %.1f ms  max %.1f ms%n",
        what,
        sorted.length,
        sorted[0] / 1000.0,
        sorted[sorted.length / 2] / 1000.0,
        sorted[(int) (sorted.length * 0.9)] / 1000.0,
        sorted[sorted.length - 1] / 1000.0);
  }
}
