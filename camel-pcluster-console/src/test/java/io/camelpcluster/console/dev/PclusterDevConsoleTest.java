package io.camelpcluster.console.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.pcluster.PclusterComponent;
import io.camelpcluster.pcluster.PclusterConfiguration;
import io.camelpcluster.pcluster.PclusterConstants;
import io.camelpcluster.pipeline.InputObject;
import io.camelpcluster.pipeline.PipelineJournal;
import io.camelpcluster.pipeline.PipelineRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code pcluster} dev console of an app whose component talks to the emulator: resolved by id
 * from its service file, it lists the clusters with their fleet and age, the jobs waited on (real
 * local Slurm) and the runs of pipeline journals, reports an unreachable API per component, and
 * shows no credentials.
 */
class PclusterDevConsoleTest extends CamelTestSupport {

  private static final String CLUSTER_YAML =
      """
      Image:
        Os: alinux2023
      HeadNode:
        InstanceType: t3.medium
        Networking:
          SubnetId: subnet-0a1b2c3d4e5f67890
      Scheduling:
        Scheduler: slurm
        SlurmQueues:
          - Name: batch
            Networking:
              SubnetIds:
                - subnet-0a1b2c3d4e5f67890
            ComputeResources:
              - Name: cr1
                InstanceType: c6i.large
                MinCount: 1
                MaxCount: 4
      """;

  private static PclusterEmulator emulator;

  @BeforeAll
  static void startEmulator() {
    emulator =
        PclusterEmulator.start(
            EmulatorConfig.builder()
                .createDuration(Duration.ofMillis(300))
                .deleteDuration(Duration.ofMillis(300))
                .build());
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @Override
  protected CamelContext createCamelContext() throws Exception {
    CamelContext context = super.createCamelContext();
    PclusterConfiguration configuration =
        context.getComponent("pcluster", PclusterComponent.class).getConfiguration();
    configuration.setUriEndpointOverride(emulator.endpoint().toString());
    configuration.setRegion(emulator.region());
    configuration.setAccessKey(EmulatorConfig.DEFAULT_ACCESS_KEY_ID);
    configuration.setSecretKey(EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY);
    configuration.setPollInterval(Duration.ofMillis(100));
    configuration.setWaitTimeout(Duration.ofMinutes(2));
    configuration.setHeadNodeAccess("local");
    return context;
  }

  @Test
  void isFoundByIdAndListsClustersWithFleetAndAge() {
    createCluster("dev-listed");

    DevConsole console = console();
    JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON, Map.of());
    String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());

    assertThat(console).isInstanceOf(PclusterDevConsole.class);
    assertThat(console.getId()).isEqualTo("pcluster");
    JsonObject component = component(json, "pcluster");
    assertThat(component.getString("region")).isEqualTo(emulator.region());
    assertThat(component.containsKey("error")).isFalse();
    JsonObject cluster = cluster(component, "dev-listed");
    assertThat(cluster.getString("status")).isEqualTo("CREATE_COMPLETE");
    assertThat(cluster.getString("region")).isEqualTo(emulator.region());
    assertThat(cluster.getString("scheduler")).isEqualTo("slurm");
    assertThat(cluster.getString("computeFleet")).isEqualTo("RUNNING");
    assertThat(cluster.getString("created")).isNotBlank();
    assertThat(cluster.getLong("ageSeconds")).isBetween(0L, 600L);
    assertThat(text)
        .contains("Component pcluster (region " + emulator.region() + ")")
        .contains("NAME")
        .containsPattern("dev-listed +CREATE_COMPLETE +" + emulator.region() + " +RUNNING +\\d+s");
  }

  @Test
  void listsWithoutDescribingWhenAskedTo() {
    createCluster("dev-undescribed");

    JsonObject json =
        (JsonObject)
            console().call(DevConsole.MediaType.JSON, Map.of(PclusterDevConsole.DESCRIBE, "false"));

    JsonObject cluster = cluster(component(json, "pcluster"), "dev-undescribed");
    assertThat(cluster.getString("status")).isEqualTo("CREATE_COMPLETE");
    assertThat(cluster.get("computeFleet")).isNull();
    assertThat(cluster.containsKey("ageSeconds")).isFalse();
  }

  @Test
  void showsTheJobsWaitedOnUntilTheyEnd() {
    assumeLocalSlurm();
    CompletableFuture<Exchange> waiting =
        template.asyncSend(
            "pcluster:submitJob?jobCommand=sleep 300&jobName=dev-console&waitForCompletion=true",
            exchange ->
                exchange.getMessage().setHeader(PclusterConstants.CLUSTER_NAME, "local-slurm"));

    JsonObject wait =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> jobWaits(json()), waits -> !waits.isEmpty())
            .get(0);
    String jobId = wait.getString("jobId");
    assertThat(jobId).matches("\\d+");
    assertThat(wait.getString("headNode")).contains("ec2-user");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> textOutput().contains(jobId) && jobWaits(json()).size() == 1);

    Exchange cancelled =
        template.send(
            "pcluster:cancelJob",
            exchange -> {
              exchange.getMessage().setHeader(PclusterConstants.CLUSTER_NAME, "local-slurm");
              exchange.getMessage().setHeader(PclusterConstants.JOB_ID, jobId);
            });

    assertThat(cancelled.getException()).isNull();
    await().atMost(Duration.ofSeconds(60)).until(waiting::isDone);
    await().atMost(Duration.ofSeconds(10)).until(() -> jobWaits(json()).isEmpty());
    assertThat(textOutput()).contains("Jobs waited on (0)");
  }

  @Test
  void reportsAnUnreachableApiPerComponentAndNoCredentials() {
    PclusterComponent unreachable = new PclusterComponent();
    PclusterConfiguration configuration = unreachable.getConfiguration();
    configuration.setUriEndpointOverride("http://127.0.0.1:1");
    configuration.setRegion("eu-west-1");
    configuration.setAccessKey("AKIADEVCONSOLETEST00");
    configuration.setSecretKey("dev-console-secret-never-shown");
    context.addComponent("pcluster-down", unreachable);
    createCluster("dev-beside-down");

    JsonObject json = json();
    String text = textOutput();

    assertThat(cluster(component(json, "pcluster"), "dev-beside-down")).isNotNull();
    JsonObject down = component(json, "pcluster-down");
    assertThat(down.getString("error")).isNotBlank();
    assertThat(down.getCollection("clusters").size()).isZero();
    assertThat(text).contains("Component pcluster-down (region eu-west-1)");
    for (String secret :
        List.of(
            "dev-console-secret-never-shown",
            "AKIADEVCONSOLETEST00",
            EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY,
            EmulatorConfig.DEFAULT_ACCESS_KEY_ID)) {
      assertThat(text).doesNotContain(secret);
      assertThat(json.toJson()).doesNotContain(secret);
    }
  }

  @Test
  void showsTheLatestRunsOfEachPipelineJournal() {
    PipelineJournal journal = PipelineJournal.inMemory();
    context.getRegistry().bind("ingestJournal", journal);
    InputObject hostile = new InputObject("in", "data/\u001b[2Jbad\nname.csv", "e1", 10L);
    PipelineRun failed = journal.begin("ingest", hostile);
    journal.stepStarted(failed.runId(), "create-cluster");
    journal.clusterName(failed.runId(), "pl-bad-name-abc12345");
    journal.stepEnded(failed.runId(), "create-cluster", "CREATE_FAILED: no capacity");
    journal.fail(failed.runId(), "create-cluster failed", null);
    PipelineRun running = journal.begin("ingest", new InputObject("in", "data/ok.csv", "e2", 5L));
    journal.stepStarted(running.runId(), "submit-job");
    journal.jobId(running.runId(), "42");

    JsonObject json = json();
    String text = textOutput();
    String limited = (String) console().call(DevConsole.MediaType.TEXT, Map.of("runs", "1"));

    JsonObject ingest =
        json.getCollection("pipelineJournals").stream()
            .map(JsonObject.class::cast)
            .filter(j -> "ingestJournal".equals(j.getString("name")))
            .findFirst()
            .orElseThrow();
    assertThat(ingest.getInteger("total")).isEqualTo(2);
    List<JsonObject> runs =
        ingest.getCollection("runs").stream().map(JsonObject.class::cast).toList();
    assertThat(runs)
        .extracting(r -> r.getString("runId"))
        .contains(failed.runId(), running.runId());
    JsonObject failedJson =
        runs.stream().filter(r -> failed.runId().equals(r.getString("runId"))).findFirst().get();
    assertThat(failedJson.getString("state")).isEqualTo("FAILED");
    assertThat(failedJson.getString("inputKey")).isEqualTo(hostile.key());
    assertThat(failedJson.getString("clusterName")).isEqualTo("pl-bad-name-abc12345");
    assertThat(failedJson.getString("error")).isEqualTo("create-cluster failed");
    JsonObject step = (JsonObject) failedJson.getCollection("steps").iterator().next();
    assertThat(step.getString("name")).isEqualTo("create-cluster");
    assertThat(step.getString("outcome")).isEqualTo("FAILED");
    assertThat(text)
        .contains("Pipeline runs of journal ingestJournal (2 of 2)")
        .containsPattern(failed.runId() + " +FAILED +pl-bad-name-abc12345 +- ")
        .containsPattern(running.runId() + " +RUNNING +- +42 +- +submit-job +in/data/ok.csv")
        .contains("error: create-cluster failed")
        .doesNotContain("\u001b")
        .doesNotContain("bad\nname");
    assertThat(limited).contains("Pipeline runs of journal ingestJournal (1 of 2)");
    assertThat(limited.lines().filter(line -> line.contains("in/data/"))).hasSize(1);
  }

  @Test
  void textOutputReplacesControlCharacters() {
    assertThat(PclusterDevConsole.printable("a\u001b[31mred\nline\u202etx\u00e9"))
        .isEqualTo("a?[31mred?line?tx\u00e9");
  }

  @Test
  void agesAreShort() {
    assertThat(PclusterDevConsole.age(Duration.ofSeconds(12))).isEqualTo("12s");
    assertThat(PclusterDevConsole.age(Duration.ofSeconds(250))).isEqualTo("4m10s");
    assertThat(PclusterDevConsole.age(Duration.ofMinutes(125))).isEqualTo("2h5m");
    assertThat(PclusterDevConsole.age(Duration.ofHours(76))).isEqualTo("3d4h");
    assertThat(PclusterDevConsole.age(Duration.ofSeconds(-3))).isEqualTo("0s");
  }

  private DevConsole console() {
    DevConsoleRegistry registry = DevConsoleRegistry.get(context);
    assertThat(registry).as("the dev console registry (camel-console)").isNotNull();
    DevConsole console = registry.resolveById(PclusterDevConsole.ID);
    assertThat(console).as("the console resolved from its service file").isNotNull();
    return console;
  }

  private JsonObject json() {
    return (JsonObject) console().call(DevConsole.MediaType.JSON, Map.of());
  }

  private String textOutput() {
    return (String) console().call(DevConsole.MediaType.TEXT, Map.of());
  }

  private void createCluster(String name) {
    Exchange created =
        template.send(
            "pcluster:createCluster?waitForCompletion=true",
            exchange -> {
              exchange.getMessage().setBody(CLUSTER_YAML);
              exchange.getMessage().setHeader(PclusterConstants.CLUSTER_NAME, name);
            });
    if (created.getException() != null) {
      throw new AssertionError("could not create " + name, created.getException());
    }
  }

  private static JsonObject component(JsonObject json, String name) {
    return json.getCollection("components").stream()
        .map(JsonObject.class::cast)
        .filter(component -> name.equals(component.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no component " + name + " in " + json.toJson()));
  }

  private static JsonObject cluster(JsonObject component, String name) {
    return component.getCollection("clusters").stream()
        .map(JsonObject.class::cast)
        .filter(cluster -> name.equals(cluster.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cluster " + name + " in " + component.toJson()));
  }

  private static List<JsonObject> jobWaits(JsonObject json) {
    return component(json, "pcluster").getCollection("jobWaits").stream()
        .map(JsonObject.class::cast)
        .toList();
  }

  private static void assumeLocalSlurm() {
    boolean sinfo =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
            .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "sinfo")));
    assumeTrue(
        sinfo, "sinfo is not installed: 'bash scripts/local-slurm.sh' sets up the local Slurm");
  }
}
