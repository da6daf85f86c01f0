package io.camelpcluster.pcluster.jobs;

import static org.awaitility.Awaitility.await;

import io.camelpcluster.pcluster.headnode.HeadNodeAccess;
import io.camelpcluster.pcluster.headnode.TestHeadNodes;
import io.camelpcluster.pcluster.headnode.TestSsm;
import io.camelpcluster.pcluster.slurm.JobSpec;
import io.camelpcluster.pcluster.slurm.JobState;
import io.camelpcluster.pcluster.slurm.Launcher;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Jobs through SSM: the production {@code ssm} path with the real SDK client, against the
 * emulator's SSM, which runs the commands on this machine's Slurm.
 */
class SsmJobsTest extends SlurmJobsContract {

  @RegisterExtension static final TestSsm SSM = new TestSsm("ssm-jobs");

  @Override
  HeadNodeAccess open() {
    return SSM.access();
  }

  @Override
  Launcher mpiLauncher() {
    return Launcher.MPIRUN;
  }

  @Override
  List<String> mpiLauncherArguments() {
    return List.of();
  }

  @Test
  void deletingTheClusterCancelsItsJobs() {
    TestSsm doomed = new TestSsm("ssm-jobs-doomed");
    doomed.beforeAll(null);
    try (HeadNodeAccess throughSsm = doomed.access();
        HeadNodeAccess here = TestHeadNodes.local()) {
      JobService viaSsm = new JobService(throughSsm, JobServiceOptions.defaults());
      JobService local = new JobService(here, JobServiceOptions.defaults());
      JobSpec spec =
          JobSpec.builder()
              .command("sleep", "300")
              .name("doomed")
              .workingDirectory(runDir + "/doomed")
              .build();
      JobSubmission job = viaSsm.submit(spec).join();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> local.describe(job.jobId()).join().get(0).state() == JobState.RUNNING);

      doomed.deleteCluster();

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> local.describe(job.jobId()).join().get(0).state() == JobState.CANCELLED);
    } finally {
      doomed.afterAll(null);
    }
  }
}
