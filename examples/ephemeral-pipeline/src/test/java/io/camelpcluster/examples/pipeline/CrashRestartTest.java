package io.camelpcluster.examples.pipeline;

import static io.camelpcluster.examples.pipeline.DemoTestSupport.assumeLocalSlurm;
import static io.camelpcluster.examples.pipeline.DemoTestSupport.clusters;
import static io.camelpcluster.examples.pipeline.DemoTestSupport.expectedCounts;
import static io.camelpcluster.examples.pipeline.DemoTestSupport.keys;
import static io.camelpcluster.examples.pipeline.DemoTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.emulator.RecordedRequest;
import io.camelpcluster.locals3.LocalS3;
import io.camelpcluster.locals3.LocalS3Clients;
import io.camelpcluster.locals3.LocalS3Settings;
import io.camelpcluster.pcluster.api.ParallelClusterClient;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pipeline.InputObject;
import io.camelpcluster.pipeline.PipelineJournal;
import io.camelpcluster.pipeline.PipelineRun;
import io.camelpcluster.pipeline.ResultManifest;
import io.camelpcluster.pipeline.RunState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * kill -9 of the demo in the middle of the pipeline, then a restart: the test runs S3 and the
 * emulator (they outlive the app, as AWS does), the demo runs in a JVM of its own with a persistent
 * journal, and is killed while a cluster is being created after another input has succeeded. The
 * restarted demo must delete the orphaned cluster, process the unfinished inputs once and never the
 * finished ones again.
 */
class CrashRestartTest {
  private static final String ACCESS_KEY = "AKIACRASHTEST0000000";
  private static final String SECRET_KEY = "crash-test-emulator-secret";
  private static final String INPUTS = "pipeline-inputs";
  private static final String RESULTS = "pipeline-results";

  @TempDir Path dir;
  private LocalS3 s3;
  private S3Client client;
  private PclusterEmulator emulator;
  private ParallelClusterClient api;
  private DemoProcess demo;

  @AfterEach
  void stop() throws Exception {
    if (demo != null && demo.isAlive()) {
      demo.kill();
      System.out.println("---- the first demo, killed:\n" + demo.log());
    }
    for (AutoCloseable c : new AutoCloseable[] {api, emulator, client, s3}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void afterKillDashNineAndARestartEveryInputIsProcessedOnceAndNoClusterIsLeft() throws Exception {
    assumeLocalSlurm();
    s3 = LocalS3.start(LocalS3Settings.of(dir.resolve("s3")));
    client = LocalS3Clients.client(s3);
    s3.createBucket(INPUTS);
    s3.createBucket(RESULTS);
    emulator =
        PclusterEmulator.start(
            EmulatorConfig.builder()
                .credentials(ACCESS_KEY, SECRET_KEY)
                .createDuration(Duration.ofSeconds(6))
                .deleteDuration(Duration.ofSeconds(2))
                .build());
    api =
        ParallelClusterClient.builder()
            .endpoint(emulator.endpoint())
            .region(emulator.region())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .build();

    Map<String, byte[]> inputs = new LinkedHashMap<>();
    inputs.put("inputs/alpha.txt", "one two three\nfour\n".getBytes(StandardCharsets.UTF_8));
    inputs.put(
        "inputs/b e t a ü.txt",
        "ünïcode words, and  spaces\n".repeat(50).getBytes(StandardCharsets.UTF_8));
    inputs.put("inputs/deep/gamma.log", DemoTestSupport.sample());
    Map<String, InputObject> byKey = new HashMap<>();
    for (Map.Entry<String, byte[]> input : inputs.entrySet()) {
      String eTag =
          client
              .putObject(
                  b -> b.bucket(INPUTS).key(input.getKey()),
                  RequestBody.fromBytes(input.getValue()))
              .eTag();
      byKey.put(input.getKey(), new InputObject(INPUTS, input.getKey(), eTag));
    }
    Path properties =
        Files.writeString(
            dir.resolve("crash.properties"),
            "pipeline.maxConcurrentClusters = 2\n"
                + "pipeline.reaperInterval = PT3S\n"
                + "demo.onceTimeout = PT4M\n");
    List<String> args =
        List.of(
            "--once",
            "--no-sample",
            "--data-dir",
            dir.resolve("demo").toString(),
            "--properties",
            properties.toString(),
            "--s3-endpoint",
            s3.endpoint().toString(),
            "--access-key",
            s3.accessKey(),
            "--pcluster-endpoint",
            emulator.endpoint().toString());
    Map<String, String> env =
        Map.of(
            PipelineOptions.SECRET_KEY_ENV, s3.secretKey(),
            PipelineOptions.PCLUSTER_ACCESS_KEY_ENV, ACCESS_KEY,
            PipelineOptions.PCLUSTER_SECRET_KEY_ENV, SECRET_KEY);

    demo = DemoProcess.start(args, env, dir.resolve("first.log"));
    await("one input done and another one's cluster being created")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(100))
        .failFast("the demo exited early", () -> !demo.isAlive())
        .until(
            () ->
                !manifests().isEmpty()
                    && clusters(api).stream()
                        .anyMatch(c -> c.clusterStatus() == ClusterStatus.CREATE_IN_PROGRESS));
    demo.kill();
    System.out.println("---- the first demo, killed:\n" + demo.log());
    Set<String> orphans =
        clusters(api).stream()
            .filter(c -> c.clusterStatus() != ClusterStatus.DELETE_IN_PROGRESS)
            .map(ClusterInfoSummary::clusterName)
            .collect(Collectors.toSet());
    assertThat(orphans).as("clusters left by the killed demo").isNotEmpty();
    int doneBeforeTheKill = manifests().size();
    assertThat(doneBeforeTheKill).isBetween(1, 2);

    demo = DemoProcess.start(args, env, dir.resolve("second.log"));
    int exitCode = demo.exitCode(Duration.ofMinutes(4));
    System.out.println("---- the restarted demo:\n" + demo.log());
    assertThat(exitCode).as(demo.log()).isZero();

    await("no cluster left")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(clusters(api)).isEmpty());
    for (String orphan : orphans) {
      assertThat(requests("DELETE", "/v3/clusters/" + orphan))
          .as("the orphan %s was deleted", orphan)
          .isNotEmpty();
    }

    PipelineJournal journal = PipelineJournal.inDirectory(dir.resolve("demo/journal"));
    List<PipelineRun> runs = journal.runs();
    assertThat(journal.abandoned()).as("runs the restarted demo left RUNNING").isEmpty();
    Map<String, List<PipelineRun>> runsByInput =
        runs.stream().collect(Collectors.groupingBy(r -> r.input().key()));
    assertThat(runsByInput).containsOnlyKeys(inputs.keySet());
    for (Map.Entry<String, List<PipelineRun>> input : runsByInput.entrySet()) {
      List<PipelineRun> its = input.getValue();
      assertThat(its).as(input.getKey()).hasSizeBetween(1, 2);
      assertThat(its.stream().filter(r -> r.state() == RunState.SUCCEEDED))
          .as("%s succeeded exactly once", input.getKey())
          .hasSize(1);
      assertThat(its.stream().filter(r -> r.state() != RunState.SUCCEEDED))
          .as("%s: any other run was abandoned by the killed demo", input.getKey())
          .allMatch(r -> r.state() == RunState.ABANDONED);
      assertThat(its.get(0).input().idempotencyKey())
          .isEqualTo(byKey.get(input.getKey()).idempotencyKey());
    }

    List<String> manifests = manifests();
    assertThat(manifests).hasSize(inputs.size());
    Map<String, String> manifestByInput = new HashMap<>();
    for (String key : manifests) {
      ResultManifest manifest = ResultManifest.fromJson(text(client, RESULTS, key));
      assertThat(manifestByInput.put(manifest.input().key(), key)).as("one manifest each").isNull();
      String folder = key.substring(0, key.length() - "result.json".length());
      assertThat(text(client, RESULTS, folder + WordCountJob.OUTPUT))
          .startsWith(expectedCounts(inputs.get(manifest.input().key())));
    }
    assertThat(manifestByInput).containsOnlyKeys(inputs.keySet());

    long creates = requests("POST", "/v3/clusters").stream().filter(r -> r.status() == 202).count();
    long namedRuns = runs.stream().filter(r -> r.clusterName() != null).count();
    assertThat(creates)
        .as("CreateCluster calls: at most one per run, so at most 2 per input")
        .isBetween((long) inputs.size(), namedRuns);
    assertThat(namedRuns).isLessThanOrEqualTo(2L * inputs.size());
  }

  private List<String> manifests() {
    return keys(client, RESULTS, "results/").stream()
        .filter(k -> k.endsWith("/result.json"))
        .toList();
  }

  private List<RecordedRequest> requests(String method, String pathEnd) {
    return emulator.requests().all().stream()
        .filter(r -> r.method().equals(method) && r.path().endsWith(pathEnd))
        .toList();
  }
}
