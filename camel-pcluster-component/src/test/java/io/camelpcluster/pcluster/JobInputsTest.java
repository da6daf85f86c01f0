package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.headnode.HeadNode;
import io.camelpcluster.pcluster.headnode.HeadNodeAccessType;
import io.camelpcluster.pcluster.headnode.HostKeyPolicy;
import io.camelpcluster.pcluster.slurm.InvalidJobSpecException;
import io.camelpcluster.pcluster.slurm.JobFiles;
import io.camelpcluster.pcluster.slurm.JobSpec;
import io.camelpcluster.pcluster.slurm.Launcher;
import io.camelpcluster.pcluster.slurm.MemorySize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs of the job operations: job specs from options, headers and the body, head-node
 * settings, and the errors that stop an exchange before anything reaches a head node. No Slurm
 * needed.
 */
class JobInputsTest extends PclusterTestSupport {

  private static final String UNREACHABLE_SSH =
      "headNodeAccess=ssh&sshPrivateKeyFile=/nonexistent/key&clusterName=no-such-cluster";

  /** The job a submitJob exchange to {@code uri} with this body and these headers describes. */
  private JobSpec spec(String uri, Object body, Map<String, Object> headers) {
    PclusterEndpoint endpoint = context.getEndpoint(uri, PclusterEndpoint.class);
    Exchange exchange = new DefaultExchange(context);
    exchange.getMessage().setBody(body);
    exchange.getMessage().setHeaders(new HashMap<>(headers));
    return JobSpecs.of(
        new ExchangeInputs(exchange, endpoint.getConfiguration(), PclusterOperations.submitJob));
  }

  @Test
  void aJobFromEndpointOptions() {
    JobSpec spec =
        spec(
            "pcluster:submitJob?jobCommand=./solver --steps 40&nodes=2&ntasks=8&ntasksPerNode=4"
                + "&cpusPerTask=2&memory=4G&timeLimit=01:30:00&partition=batch&jobName=solve"
                + "&workingDirectory=~/runs/7&jobEnv.OMP_NUM_THREADS=2&jobEnv.mode=fast"
                + "&array=0-3%2&dependency=afterok:12&launcher=srun&launcherArgs=--mpi=pmix -l",
            null, Map.of());

    assertThat(spec.command()).contains(List.of("./solver", "--steps", "40"));
    assertThat(spec.nodes()).hasValue(2);
    assertThat(spec.ntasks()).hasValue(8);
    assertThat(spec.ntasksPerNode()).hasValue(4);
    assertThat(spec.cpusPerTask()).hasValue(2);
    assertThat(spec.memory()).contains(MemorySize.parse("4G"));
    assertThat(spec.timeLimit()).contains(Duration.ofMinutes(90));
    assertThat(spec.partition()).contains("batch");
    assertThat(spec.name()).isEqualTo("solve");
    assertThat(spec.workingDirectory()).contains("runs/7");
    assertThat(spec.environment())
        .containsExactly(Map.entry("OMP_NUM_THREADS", "2"), Map.entry("mode", "fast"));
    assertThat(spec.array()).contains("0-3%2");
    assertThat(spec.dependencies())
        .singleElement()
        .satisfies(d -> assertThat(d.toSlurm()).isEqualTo("afterok:12"));
    assertThat(spec.launcher()).isEqualTo(Launcher.SRUN);
    assertThat(spec.launcherArguments()).containsExactly("--mpi=pmix", "-l");
  }

  @Test
  void headersOverrideOptions() {
    JobSpec spec =
        spec(
            "pcluster:submitJob?jobCommand=hostname&ntasks=2&jobEnv.A=option&jobEnv.B=option"
                + "&launcher=srun&jobName=from-option",
            null,
            Map.of(
                PclusterConstants.JOB_COMMAND, List.of("echo", "two words"),
                PclusterConstants.JOB_NTASKS, "16",
                PclusterConstants.JOB_LAUNCHER, "mpirun",
                PclusterConstants.JOB_LAUNCHER_ARGS, "--bind-to core",
                PclusterConstants.JOB_NAME, "from-header",
                PclusterConstants.JOB_ENV, Map.of("B", "header", "C", 3)));

    assertThat(spec.command()).contains(List.of("echo", "two words"));
    assertThat(spec.ntasks()).hasValue(16);
    assertThat(spec.launcher()).isEqualTo(Launcher.MPIRUN);
    assertThat(spec.launcherArguments()).containsExactly("--bind-to", "core");
    assertThat(spec.name()).isEqualTo("from-header");
    assertThat(spec.environment())
        .containsExactly(Map.entry("A", "option"), Map.entry("B", "header"), Map.entry("C", "3"));
  }

  @Test
  void theScriptComesFromAHeaderAnOptionOrTheBody(@TempDir Path dir) throws Exception {
    String script = "#!/bin/bash\necho from a file\n";
    Path file = Files.writeString(dir.resolve("job.sh"), script);
    String classpathScript =
        new String(
            getClass().getResourceAsStream("/jobs/fail-with-3.sh").readAllBytes(),
            StandardCharsets.UTF_8);

    assertThat(spec("pcluster:submitJob", "#!/bin/sh\necho body\n", Map.of()).script())
        .contains("#!/bin/sh\necho body\n");
    assertThat(spec("pcluster:submitJob", List.of("echo", "a b"), Map.of()).command())
        .contains(List.of("echo", "a b"));
    assertThat(
            spec("pcluster:submitJob?jobScript=classpath:jobs/fail-with-3.sh", "x", Map.of())
                .script())
        .contains(classpathScript);
    assertThat(spec("pcluster:submitJob?jobScript=file:" + file, null, Map.of()).script())
        .contains(script);
    context
        .getEndpoint("pcluster:submitJob?jobName=inline", PclusterEndpoint.class)
        .getConfiguration()
        .setJobScript("#!/bin/sh\necho inline\n");
    assertThat(spec("pcluster:submitJob?jobName=inline", null, Map.of()).script())
        .contains("#!/bin/sh\necho inline\n");
    assertThat(
            spec(
                    "pcluster:submitJob?jobCommand=hostname",
                    null,
                    Map.of(PclusterConstants.JOB_SCRIPT, "file:" + file))
                .script())
        .as("a header is script text, never a location to read")
        .contains("file:" + file);
  }

  @Test
  void scriptsThatCannotBeReadOrRunAreRefused() {
    assertThatThrownBy(
            () -> spec("pcluster:submitJob?jobScript=classpath:jobs/missing.sh", null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jobScript: classpath:jobs/missing.sh not found");
    assertThatThrownBy(() -> spec("pcluster:submitJob", null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("submitJob needs a batch script or a command");
    assertThatThrownBy(
            () ->
                spec(
                    "pcluster:submitJob",
                    null,
                    Map.of(
                        PclusterConstants.JOB_SCRIPT,
                        "#!/bin/sh\n",
                        PclusterConstants.JOB_COMMAND,
                        "hostname")))
        .isInstanceOf(InvalidJobSpecException.class)
        .hasMessageContaining("script/command: give one of them, not both");
    assertThatThrownBy(
            () ->
                spec("pcluster:submitJob", "#!/bin/bash\n#SBATCH --nodes=100\nsrun x\n", Map.of()))
        .isInstanceOf(InvalidJobSpecException.class)
        .hasMessageContaining("line 2 is an #SBATCH directive");
    assertThatThrownBy(
            () ->
                spec(
                    "pcluster:submitJob?jobCommand=true",
                    null,
                    Map.of(PclusterConstants.JOB_ENV, "A=1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a Map");
  }

  @Test
  void invalidJobsFailBeforeTheHeadNodeIsLookedUp() {
    Exchange exchange =
        send(
            "pcluster:submitJob?jobCommand=true&nodes=4&ntasks=2&timeLimit=soon&" + UNREACHABLE_SSH,
            null,
            Map.of(
                PclusterConstants.JOB_NAME,
                "n".repeat(10_000),
                PclusterConstants.JOB_ENV,
                Map.of("BAD NAME", "x", "PATH2", "line\u0000nul")));

    assertThat(exchange.getException())
        .isInstanceOfSatisfying(
            InvalidJobSpecException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p -> assertThat(p).startsWith("ntasks: must be at least the number"))
                    .anySatisfy(p -> assertThat(p).startsWith("timeLimit: "))
                    .anySatisfy(p -> assertThat(p).startsWith("name: must be at most 255 bytes"))
                    .anySatisfy(p -> assertThat(p).contains("'BAD NAME' must match"))
                    .anySatisfy(p -> assertThat(p).contains("contains a NUL character")));
    assertThat(exchange.getException().getMessage()).doesNotContain("n".repeat(300));
    Exchange wrongType =
        send(
            "pcluster:submitJob?jobCommand=true&" + UNREACHABLE_SSH,
            null,
            Map.of(PclusterConstants.JOB_NODES, "many"));
    assertThat(wrongType.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header CamelPclusterJobNodes must be a Integer");
  }

  @Test
  void jobIdsAndCommandsAreCheckedWithoutEchoingThem() {
    Exchange hostileId =
        send(
            "pcluster:describeJob?" + UNREACHABLE_SSH,
            null,
            Map.of(PclusterConstants.JOB_ID, "12; touch /tmp/x"));
    assertThat(hostileId.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "jobId (or the CamelPclusterJobId header) must be a Slurm job id such as 123, or 123_4"
                + " for an array task");
    assertThat(send("pcluster:waitJob?" + UNREACHABLE_SSH, null, Map.of()).getException())
        .hasMessage("waitJob needs jobId: set the jobId option or the CamelPclusterJobId header");
    assertThat(send("pcluster:runCommand?" + UNREACHABLE_SSH, null, Map.of()).getException())
        .hasMessageContaining("runCommand needs a command");
    assertThat(
            send("pcluster:runCommand?" + UNREACHABLE_SSH, List.of("echo", "a\u0000b"), Map.of())
                .getException())
        .hasMessage("runCommand: an argument contains a NUL character");
    assertThat(send("pcluster:listJobs?headNodeAccess=local", null, Map.of()).getException())
        .hasMessage(
            "listJobs needs clusterName: set the clusterName option or the"
                + " CamelPclusterClusterName header");
  }

  @Test
  void headNodeAccessOptionsAreCheckedWithTheirNames() {
    Map<String, String> wrong =
        Map.of(
            "headNodeAccess=telnet", "headNodeAccess must be one of ssm, ssh, local",
            "headNodeAccess=ssh", "headNodeAccess=ssh needs sshPrivateKeyFile",
            "headNodeAccess=local&clusterUser=root;x", "clusterUser: 'root;x' is not a POSIX user",
            "headNodeAccess=local&clusterUser=alice&allowedUsers=ec2-user, bob",
                "clusterUser 'alice' is not one of allowedUsers",
            "headNodeAccess=ssh&sshPrivateKeyFile=k&sshHostKeyPolicy=trusting",
                "sshHostKeyPolicy: hostKeyPolicy must be one of strict, accept-new, accept-all",
            "headNodeAccess=ssh&sshPrivateKeyFile=k&headNodeAddress=elastic",
                "headNodeAddress must be public or private",
            "headNodeAccess=local&commandTimeout=0s", "commandTimeout must be positive");
    wrong.forEach(
        (options, message) ->
            assertThat(
                    send("pcluster:listJobs?clusterName=c-1&" + options, null, Map.of())
                        .getException())
                .as(options)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message));
  }

  @Test
  void sshSettingsComeFromTheOptions() {
    PclusterConfiguration options =
        context
            .getEndpoint(
                "pcluster:listJobs?headNodeAccess=SSH&clusterUser=rocky&allowedUsers=rocky,ubuntu"
                    + "&sshPrivateKeyFile=/keys/id&sshPassphrase=RAW(s3cr3t!)"
                    + "&sshKnownHostsFile=/keys/known_hosts&sshHostKeyPolicy=accept-new"
                    + "&sshPort=2200&headNodeAddress=private&commandTimeout=2m",
                PclusterEndpoint.class)
            .getConfiguration();

    HeadNodeSettings settings = HeadNodeSettings.of(options);

    assertThat(settings.type()).isEqualTo(HeadNodeAccessType.SSH);
    assertThat(settings.user()).isEqualTo("rocky");
    assertThat(settings.allowedUsers()).containsExactlyInAnyOrder("rocky", "ubuntu");
    assertThat(settings.address()).isEqualTo(HeadNodeSettings.Address.PRIVATE);
    assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.ssh())
        .hasValueSatisfying(
            ssh -> {
              assertThat(ssh.privateKeyFile()).isEqualTo(Path.of("/keys/id"));
              assertThat(ssh.passphrase()).contains("s3cr3t!");
              assertThat(ssh.knownHostsFile()).isEqualTo(Path.of("/keys/known_hosts"));
              assertThat(ssh.hostKeyPolicy()).isEqualTo(HostKeyPolicy.ACCEPT_NEW);
              assertThat(ssh.port()).isEqualTo(2200);
            });
    assertThat(settings.toString()).doesNotContain("s3cr3t");
    assertThat(HeadNodeSettings.of(new PclusterConfiguration()).type())
        .as("the default")
        .isEqualTo(HeadNodeAccessType.SSM);
  }

  @Test
  void theHeadNodeIsFoundWithDescribeCluster() {
    String name = createdCluster("jobs");
    DescribeClusterResponse cluster =
        context
            .getEndpoint("pcluster:describeCluster", PclusterEndpoint.class)
            .getClient()
            .describeCluster(DescribeClusterRequest.of(name))
            .join();
    PclusterConfiguration ssh = new PclusterConfiguration();
    ssh.setHeadNodeAccess("ssh");
    ssh.setSshPrivateKeyFile("/keys/id");
    PclusterConfiguration ssm = new PclusterConfiguration();

    HeadNode publicAddress = HeadNodes.headNode(cluster, HeadNodeSettings.of(ssh));
    ssh.setHeadNodeAddress("private");
    HeadNode privateAddress = HeadNodes.headNode(cluster, HeadNodeSettings.of(ssh));
    HeadNode instance = HeadNodes.headNode(cluster, HeadNodeSettings.of(ssm));

    assertThat(publicAddress.address()).contains(cluster.headNode().publicIpAddress());
    assertThat(privateAddress.address()).contains(cluster.headNode().privateIpAddress());
    assertThat(instance.instanceId()).contains(cluster.headNode().instanceId());
    assertThat(instance.clusterName()).isEqualTo(name);
  }

  @Test
  void jobFilesFollowTheWorkingDirectory() {
    PclusterConfiguration options = new PclusterConfiguration();
    Exchange exchange = new DefaultExchange(context);
    ExchangeInputs inputs = new ExchangeInputs(exchange, options, PclusterOperations.waitJob);

    assertThat(JobSpecs.files(inputs)).isEqualTo(new JobFiles("."));
    exchange.getMessage().setHeader(PclusterConstants.JOB_WORKING_DIRECTORY, "~/runs/7");
    assertThat(JobSpecs.files(inputs)).isEqualTo(new JobFiles("runs/7"));
    exchange.getMessage().setHeader(PclusterConstants.JOB_WORKING_DIRECTORY, "/shared/x");
    assertThat(JobSpecs.files(inputs).directory()).isEqualTo("/shared/x/.pcluster-jobs");
  }
}
