package io.camelpcluster.pcluster.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.pcluster.headnode.HeadNodeAccess;
import io.camelpcluster.pcluster.headnode.TestHeadNodes;
import io.camelpcluster.pcluster.slurm.JobSpec;
import io.camelpcluster.pcluster.slurm.JobState;
import io.camelpcluster.pcluster.slurm.Launcher;
import io.camelpcluster.pcluster.slurm.SlurmJob;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Jobs over SSH to the test sshd: srun with PMIx, listing, describing and cancelling. */
class SshJobsTest extends SlurmJobsContract {

  @Override
  HeadNodeAccess open() {
    return TestHeadNodes.ssh();
  }

  @Override
  Launcher mpiLauncher() {
    return Launcher.SRUN;
  }

  @Override
  List<String> mpiLauncherArguments() {
    return List.of("--mpi=pmix");
  }

  @Test
  void aRunningJobIsListedDescribedAndCancelled() {
    JobSpec spec =
        JobSpec.builder()
            .command("sleep", "300")
            .name("to-cancel")
            .partition("queue1")
            .workingDirectory(runDir + "/cancel")
            .build();
    JobSubmission job = jobs.submit(spec).join();
    awaitState(job, JobState.RUNNING);

    assertThat(jobs.list(Optional.empty(), false).join())
        .extracting(SlurmJob::jobId)
        .contains(job.jobId());
    assertThat(jobs.list(Optional.of("debug"), false).join())
        .extracting(SlurmJob::jobId)
        .doesNotContain(job.jobId());
    SlurmJob described = jobs.describe(job.jobId()).join().get(0);
    assertThat(described.state()).isEqualTo(JobState.RUNNING);
    assertThat(described.name()).isEqualTo("to-cancel");
    assertThat(described.partition()).contains("queue1");

    jobs.cancel(job.jobId()).join();

    JobStatus status = awaitFinal(job, Duration.ofSeconds(60));
    assertThat(status.state()).isEqualTo(JobState.CANCELLED);
    assertThat(jobs.list(Optional.empty(), true).join())
        .filteredOn(j -> j.jobId().equals(job.jobId()))
        .extracting(SlurmJob::state)
        .containsExactly(JobState.CANCELLED);
  }
}
