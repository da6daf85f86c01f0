package io.camelpcluster.pcluster.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.pcluster.headnode.HeadNodeAccess;
import io.camelpcluster.pcluster.headnode.TestHeadNodes;
import io.camelpcluster.pcluster.slurm.ExitCode;
import io.camelpcluster.pcluster.slurm.JobSpec;
import io.camelpcluster.pcluster.slurm.JobState;
import io.camelpcluster.pcluster.slurm.Launcher;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jobs through local access: mpirun, a failing job and a job past its time limit. */
class LocalJobsTest extends SlurmJobsContract {

  @Override
  HeadNodeAccess open() {
    return TestHeadNodes.local();
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
  void aJobExitingWithThreeFails() {
    JobSpec spec =
        JobSpec.builder()
            .command("sh", "-c", "echo failing; exit 3")
            .workingDirectory(runDir + "/fail")
            .build();

    JobStatus status = awaitFinal(jobs.submit(spec).join(), Duration.ofSeconds(120));

    assertThat(status.state()).isEqualTo(JobState.FAILED);
    assertThat(status.jobs().get(0).exitCode()).contains(new ExitCode(3, 0));
  }

  /** Slurm checks time limits every 30 s, so a one-minute job ends 60-90 s after it started. */
  @Test
  void aJobPastItsTimeLimitTimesOut() {
    JobSpec spec =
        JobSpec.builder()
            .command("sleep", "600")
            .timeLimit("1")
            .workingDirectory(runDir + "/timeout")
            .build();

    JobStatus status = awaitFinal(jobs.submit(spec).join(), Duration.ofSeconds(150));

    assertThat(status.state()).isEqualTo(JobState.TIMEOUT);
    assertThat(status.jobs().get(0).times().timeLimit()).contains(Duration.ofMinutes(1));
  }
}
