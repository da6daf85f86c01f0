package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.pcluster.headnode.CommandResult;
import io.camelpcluster.pcluster.headnode.HeadNodeCommand;
import io.camelpcluster.pcluster.headnode.LocalAccess;
import io.camelpcluster.pcluster.headnode.TestHeadNodes;
import io.camelpcluster.pcluster.jobs.JobFailedException;
import io.camelpcluster.pcluster.jobs.JobStatus;
import io.camelpcluster.pcluster.jobs.JobSubmission;
import io.camelpcluster.pcluster.slurm.ExitCode;
import io.camelpcluster.pcluster.slurm.JobState;
import io.camelpcluster.pcluster.slurm.SlurmJob;
import io.camelpcluster.pcluster.wait.WaitTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job operations through one kind of head-node access, on the machine's real Slurm as ec2-user:
 * an MPI program compiled with runCommand and run on two ranks, a failing job, a cancelled one, and
 * hostile values. The access is configured on the component; the cluster is emulated. Skipped only
 * when Slurm is not installed.
 */
abstract class JobOperationsContract extends PclusterTestSupport {

  /** Where the tests of all access kinds work, under ec2-user's home. */
  static final String RUN_DIR = "camel-pcluster-it/camel-" + UUID.randomUUID();

  /** Sets how the component reaches the head node. */
  abstract void configureAccess(PclusterConfiguration configuration);

  /** The cluster whose head node the jobs go to. */
  abstract String clusterName();

  @BeforeAll
  static void assumeSlurm() {
    TestHeadNodes.assumeLocalSlurm();
  }

  @AfterAll
  static void removeRunDirectory() {
    try (LocalAccess access = TestHeadNodes.local()) {
      access
          .run(
              new HeadNodeCommand(
                  "clean up",
                  "rm -rf -- " + RUN_DIR + " && rmdir --ignore-fail-on-non-empty camel-pcluster-it",
                  Duration.ofSeconds(30)))
          .join();
    }
  }

  @Override
  protected CamelContext createCamelContext() throws Exception {
    CamelContext context = super.createCamelContext();
    PclusterConfiguration configuration =
        context.getComponent("pcluster", PclusterComponent.class).getConfiguration();
    configureAccess(configuration);
    configuration.setPollInterval(Duration.ofMillis(250));
    configuration.setWaitTimeout(Duration.ofMinutes(2));
    return context;
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        // submit, wait for the end, read the output: one exchange
        from("direct:runAndRead")
            .to("pcluster:submitJob?ntasks=2&launcher=mpirun&timeLimit=5&waitForCompletion=true")
            .setProperty("status", body())
            .to("pcluster:getJobOutput");
      }
    };
  }

  /** Sends with the cluster name and the given headers. */
  Exchange call(String uri, Object body, Map<String, Object> headers) {
    Map<String, Object> all = new HashMap<>(headers);
    all.put(PclusterConstants.CLUSTER_NAME, clusterName());
    return send(uri, body, all);
  }

  /** Runs a command on the head node through runCommand; fails the test if the exchange fails. */
  CommandResult run(String directory, List<String> argv) {
    Exchange exchange =
        call(
            "pcluster:runCommand",
            null,
            Map.of(
                PclusterConstants.COMMAND,
                argv,
                PclusterConstants.JOB_WORKING_DIRECTORY,
                directory));
    assertThat(exchange.getException()).isNull();
    return exchange.getMessage().getBody(CommandResult.class);
  }

  /** A new directory for one test. */
  String directory(String name) {
    String directory = RUN_DIR + "/" + name;
    Exchange made = call("pcluster:runCommand", List.of("mkdir", "-p", "--", directory), Map.of());
    assertThat(made.getMessage().getHeader(PclusterConstants.COMMAND_EXIT_CODE)).isEqualTo(0);
    return directory;
  }

  @Test
  void anMpiProgramCompiledWithRunCommandRunsOnTwoRanks() throws Exception {
    String directory = directory("mpi");
    String source =
        Files.readString(
            Path.of(getClass().getResource("/jobs/hello_mpi.c").toURI()), StandardCharsets.UTF_8);
    run(directory, List.of("sh", "-c", "printf '%s' \"$1\" > hello_mpi.c", "sh", source));
    Exchange compiled =
        call(
            "pcluster:runCommand",
            "mpicc -O2 -o hello_mpi hello_mpi.c",
            Map.of(PclusterConstants.JOB_WORKING_DIRECTORY, directory));
    assertThat(compiled.getMessage().getHeader(PclusterConstants.COMMAND_EXIT_CODE))
        .as(compiled.getMessage().getBody(CommandResult.class).stderr())
        .isEqualTo(0);

    Exchange exchange =
        call(
            "direct:runAndRead",
            null,
            Map.of(
                PclusterConstants.JOB_COMMAND,
                "./hello_mpi",
                PclusterConstants.JOB_NAME,
                "mpi-hello",
                PclusterConstants.JOB_WORKING_DIRECTORY,
                directory));

    assertThat(exchange.getException()).isNull();
    Message message = exchange.getMessage();
    assertThat(message.getHeader(PclusterConstants.JOB_STATE)).isEqualTo(JobState.COMPLETED);
    assertThat(message.getHeader(PclusterConstants.JOB_EXIT_CODE)).isEqualTo(0);
    assertThat(message.getHeader(PclusterConstants.JOB_SIGNAL)).isEqualTo(0);
    assertThat(message.getHeader(PclusterConstants.JOB_NODE_LIST, String.class)).isNotBlank();
    assertThat(message.getHeader(PclusterConstants.JOB_OUTPUT_TRUNCATED)).isEqualTo(false);
    JobStatus status = exchange.getProperty("status", JobStatus.class);
    assertThat(status.jobId()).isEqualTo(message.getHeader(PclusterConstants.JOB_ID));
    assertThat(status.jobs())
        .singleElement()
        .satisfies(job -> assertThat(job.name()).isEqualTo("mpi-hello"));
    assertThat(message.getBody(String.class))
        .contains("hello from rank 0 of 2 on ")
        .contains("hello from rank 1 of 2 on ")
        .contains("sum of ranks 1");
  }

  @Test
  void aFailingJobFailsTheExchangeWithItsExitCodeAndOutput() {
    String directory = directory("fail");

    Exchange failed =
        call(
            "pcluster:submitJob?jobScript=classpath:jobs/fail-with-3.sh&waitForCompletion=true",
            null,
            Map.of(PclusterConstants.JOB_WORKING_DIRECTORY, directory));

    assertThat(failed.getException())
        .isInstanceOfSatisfying(
            JobFailedException.class,
            e -> {
              assertThat(e.state()).isEqualTo(JobState.FAILED);
              assertThat(e.exitCode()).contains(new ExitCode(3, 0));
              assertThat(e.outputTail()).contains("failing on purpose on ");
              assertThat(e).hasMessageContaining("ended FAILED with exit code 3");
            });
    Message message = failed.getMessage();
    assertThat(message.getHeader(PclusterConstants.JOB_STATE)).isEqualTo(JobState.FAILED);
    assertThat(message.getHeader(PclusterConstants.JOB_EXIT_CODE)).isEqualTo(3);

    Exchange tolerated =
        call(
            "pcluster:waitJob?failOnJobError=false",
            null,
            Map.of(
                PclusterConstants.JOB_ID,
                message.getHeader(PclusterConstants.JOB_ID),
                PclusterConstants.JOB_WORKING_DIRECTORY,
                directory));

    assertThat(tolerated.getException()).isNull();
    assertThat(tolerated.getMessage().getHeader(PclusterConstants.JOB_STATE))
        .isEqualTo(JobState.FAILED);
    assertThat(tolerated.getMessage().getBody(JobStatus.class).isFinal()).isTrue();
  }

  @Test
  void aRunningJobIsListedDescribedOutwaitedAndCancelled() {
    String directory = directory("cancel");
    Exchange submitted =
        call(
            "pcluster:submitJob?jobCommand=sleep 300&jobName=to-cancel&partition=queue1",
            null,
            Map.of(PclusterConstants.JOB_WORKING_DIRECTORY, directory));
    assertThat(submitted.getException()).isNull();
    String jobId = submitted.getMessage().getBody(JobSubmission.class).jobId();
    Map<String, Object> job =
        Map.of(PclusterConstants.JOB_ID, jobId, PclusterConstants.JOB_WORKING_DIRECTORY, directory);

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                call("pcluster:describeJob", null, job)
                        .getMessage()
                        .getHeader(PclusterConstants.JOB_STATE)
                    == JobState.RUNNING);
    @SuppressWarnings("unchecked")
    List<SlurmJob> listed =
        call("pcluster:listJobs?partition=queue1", null, Map.of()).getMessage().getBody(List.class);
    assertThat(listed).extracting(SlurmJob::jobId).contains(jobId);
    Exchange outwaited = call("pcluster:waitJob?waitTimeout=1s", null, job);
    assertThat(outwaited.getException())
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessageContaining("job " + jobId);

    Exchange cancelled = call("pcluster:cancelJob?waitForCompletion=true", null, job);

    assertThat(cancelled.getException()).isNull();
    assertThat(cancelled.getMessage().getHeader(PclusterConstants.JOB_STATE))
        .isEqualTo(JobState.CANCELLED);
    assertThat(cancelled.getMessage().getHeader(PclusterConstants.JOB_RAW_STATE, String.class))
        .startsWith("CANCELLED");
    assertThat(call("pcluster:waitJob", null, job).getException())
        .isInstanceOfSatisfying(
            JobFailedException.class, e -> assertThat(e.state()).isEqualTo(JobState.CANCELLED));
  }

  @Test
  void hostileValuesInOptionsAndHeadersStayInert() throws Exception {
    Path marker = Path.of("/tmp/camel-pcluster-pwned-" + UUID.randomUUID());
    String touch = "touch " + marker;
    String name = "x\"; " + touch + " # $(" + touch + ") `" + touch + "` 'q' ünï";
    String value = "$(" + touch + ")`" + touch + "`'\"\n;|& " + touch + " \\";
    String fromUri = "`" + touch + "`;$(" + touch + ")|'x'";
    String directory = directory("hostile");

    Exchange exchange =
        call(
            "pcluster:submitJob?waitForCompletion=true&jobEnv.FROM_URI=RAW{" + fromUri + "}",
            null,
            Map.of(
                PclusterConstants.JOB_COMMAND,
                List.of("sh", "-c", "printf '[%s]\\n' \"$HOSTILE\" \"$FROM_URI\""),
                PclusterConstants.JOB_NAME,
                name,
                PclusterConstants.JOB_ENV,
                Map.of("HOSTILE", value),
                PclusterConstants.JOB_WORKING_DIRECTORY,
                directory));

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody(JobStatus.class).jobs().get(0).name()).isEqualTo(name);
    Exchange output = call("pcluster:getJobOutput", null, exchange.getMessage().getHeaders());
    assertThat(output.getMessage().getBody(String.class))
        .isEqualTo("[" + value + "]\n[" + fromUri + "]\n");
    CommandResult echoed = run(directory, List.of("printf", "[%s]\\n", value, name, "--version"));
    assertThat(echoed.stdout()).isEqualTo("[" + value + "]\n[" + name + "]\n[--version]\n");
    assertThat(Files.exists(marker)).as("nothing hostile was executed").isFalse();
  }
}
