package io.camelpcluster.examples.pipeline;

import static io.camelpcluster.examples.pipeline.DemoTestSupport.assumeLocalSlurm;
import static io.camelpcluster.examples.pipeline.DemoTestSupport.clusters;
import static io.camelpcluster.examples.pipeline.DemoTestSupport.expectedCounts;
import static io.camelpcluster.examples.pipeline.DemoTestSupport.keys;
import static io.camelpcluster.examples.pipeline.DemoTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.locals3.LocalS3;
import io.camelpcluster.locals3.LocalS3Clients;
import io.camelpcluster.locals3.LocalS3Settings;
import io.camelpcluster.pcluster.api.ParallelClusterClient;
import io.camelpcluster.pipeline.ErrorReport;
import io.camelpcluster.pipeline.PipelineJournal;
import io.camelpcluster.pipeline.PipelineRun;
import io.camelpcluster.pipeline.ResultManifest;
import io.camelpcluster.pipeline.RunState;
import io.camelpcluster.pipeline.RunStep;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The demo on its embedded defaults, as scripts/demo.sh runs it: local S3 and emulator in process,
 * the sample uploaded, a cluster created, the MPI word count run on 2 ranks of the local Slurm, the
 * result in the results bucket, the cluster deleted, exit code 0.
 */
class PipelineMainEndToEndTest {
  @TempDir Path dir;

  @Test
  void onceProcessesTheSampleWithAnMpiJobAndLeavesNoCluster() throws Exception {
    assumeLocalSlurm();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    int exitCode =
        PipelineMain.run(
            PipelineOptions.parse(List.of("--once", "--data-dir", dir.toString()), Map.of()), out);

    String printed = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    assertThat(exitCode).as(printed).isZero();
    assertThat(printed)
        .contains("uploaded the sample input s3://pipeline-inputs/inputs/lighthouse-keeper-")
        .contains("run ")
        .contains(" SUCCEEDED in ")
        .contains("  | " + expectedCounts(DemoTestSupport.sample()).lines().findFirst().get())
        .contains("--once: 1 input(s) processed now, 1 succeeded, 0 failed");

    String manifestRunId;
    try (LocalS3 s3 = LocalS3.start(LocalS3Settings.of(dir.resolve("s3")));
        S3Client client = LocalS3Clients.client(s3)) {
      List<String> manifests =
          keys(client, "pipeline-results", "results/").stream()
              .filter(k -> k.endsWith("/result.json"))
              .toList();
      assertThat(manifests).hasSize(1);
      ResultManifest manifest =
          ResultManifest.fromJson(text(client, "pipeline-results", manifests.get(0)));
      assertThat(manifest.input().key()).startsWith("inputs/lighthouse-keeper-");
      manifestRunId = manifest.runId();
      String folder =
          manifests.get(0).substring(0, manifests.get(0).length() - "result.json".length());
      String result = text(client, "pipeline-results", folder + WordCountJob.OUTPUT);
      assertThat(result).startsWith(expectedCounts(DemoTestSupport.sample()));
      assertThat(result).contains("rank 0: ").contains("rank 1: ");
      assertThat(text(client, "pipeline-results", folder + "job.log"))
          .contains("rank 0 of 2")
          .contains("rank 1 of 2");
    }

    PipelineJournal journal = PipelineJournal.inDirectory(dir.resolve("journal"));
    assertThat(journal.runs()).hasSize(1);
    PipelineRun run = journal.runs().get(0);
    assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(run.runId()).isEqualTo(manifestRunId);
    assertThat(journal.abandoned()).isEmpty();
    assertThat(run.steps()).isNotEmpty().allMatch(s -> s.outcome() == RunStep.Outcome.SUCCEEDED);
    assertThat(run.clusterName()).startsWith("pl-lighthouse-keeper-");

    try (PclusterEmulator emulator =
            PclusterEmulator.start(
                EmulatorConfig.builder().stateDir(dir.resolve("emulator")).build());
        ParallelClusterClient api =
            ParallelClusterClient.builder()
                .endpoint(emulator.endpoint())
                .region(emulator.region())
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(
                            EmulatorConfig.DEFAULT_ACCESS_KEY_ID,
                            EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY)))
                .build()) {
      assertThat(clusters(api)).isEmpty();
    }
  }

  @Test
  void aFailingJobMakesOnceExit1WithAnErrorReportAndNoClusterLeft() throws Exception {
    assumeLocalSlurm();
    Path properties =
        Files.writeString(
            dir.resolve("failing.properties"),
            "pipeline.jobScript = echo 'the job gives up' >&2; exit 3\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int exitCode =
        PipelineMain.run(
            PipelineOptions.parse(
                List.of(
                    "--once", "--data-dir", dir.toString(), "--properties", properties.toString()),
                Map.of()),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String printed = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    assertThat(exitCode).as(printed).isEqualTo(1);
    assertThat(printed)
        .contains(" FAILED after ")
        .contains("run FAILED in ")
        .contains("--once: 1 input(s) processed now, 0 succeeded, 1 failed")
        .contains("error report s3://pipeline-results/results/lighthouse-keeper-");
    try (LocalS3 s3 = LocalS3.start(LocalS3Settings.of(dir.resolve("s3")));
        S3Client client = LocalS3Clients.client(s3)) {
      List<String> reports =
          keys(client, "pipeline-results", "results/").stream()
              .filter(k -> k.endsWith("/error.json"))
              .toList();
      assertThat(reports).hasSize(1);
      ErrorReport report = ErrorReport.fromJson(text(client, "pipeline-results", reports.get(0)));
      assertThat(report.jobLogTail()).contains("the job gives up");
    }
    PipelineRun run = PipelineJournal.inDirectory(dir.resolve("journal")).runs().get(0);
    assertThat(run.state()).isEqualTo(RunState.FAILED);
    assertThat(run.step("delete"))
        .hasValueSatisfying(
            step -> assertThat(step.outcome()).isEqualTo(RunStep.Outcome.SUCCEEDED));
  }

  @Test
  void withAwsEverythingComesFromThePropertiesAndNothingIsStarted() throws Exception {
    try (LocalS3 s3 = LocalS3.start(LocalS3Settings.of(dir.resolve("elsewhere")));
        PclusterEmulator emulator = PclusterEmulator.start()) {
      s3.createBucket("aws-inputs");
      s3.createBucket("aws-results");
      Path properties =
          Files.writeString(
              dir.resolve("aws.properties"),
              String.join(
                  "\n",
                  "camel.component.aws2-s3.accessKey = " + s3.accessKey(),
                  "camel.component.aws2-s3.secretKey = " + s3.secretKey(),
                  "camel.component.aws2-s3.region = " + s3.region(),
                  "camel.component.aws2-s3.overrideEndpoint = true",
                  "camel.component.aws2-s3.uriEndpointOverride = " + s3.endpoint(),
                  "camel.component.aws2-s3.forcePathStyle = true",
                  "camel.component.pcluster.uriEndpointOverride = " + emulator.endpoint(),
                  "camel.component.pcluster.region = " + emulator.region(),
                  "camel.component.pcluster.accessKey = " + EmulatorConfig.DEFAULT_ACCESS_KEY_ID,
                  "camel.component.pcluster.secretKey = "
                      + EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY,
                  "pipeline.inputBucket = aws-inputs",
                  "pipeline.resultsBucket = aws-results",
                  "pipeline.reaperInterval = PT1H",
                  ""));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      // with --aws the pipeline presigns with the SDK's default S3Presigner, whose region comes
      // from AWS_REGION or aws.region (the README says so)
      String region = System.getProperty("aws.region");
      System.setProperty("aws.region", s3.region());
      int exitCode;
      try {
        exitCode =
            PipelineMain.run(
                PipelineOptions.parse(
                    List.of(
                        "--aws",
                        "--once",
                        "--no-sample",
                        "--data-dir",
                        dir.resolve("demo").toString(),
                        "--properties",
                        properties.toString()),
                    Map.of()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
      } finally {
        if (region == null) {
          System.clearProperty("aws.region");
        } else {
          System.setProperty("aws.region", region);
        }
      }

      String printed = bytes.toString(StandardCharsets.UTF_8);
      assertThat(exitCode).as(printed).isZero();
      assertThat(printed)
          .contains("S3 as the camel.component.aws2-s3.* properties say")
          .contains("ParallelCluster API as the camel.component.pcluster.* properties say")
          .contains("s3://aws-inputs/inputs/ -> cluster from classpath:demo/cluster-config.yaml")
          .contains("--once: waiting for 0 input(s) under s3://aws-inputs/inputs/")
          .doesNotContain("local S3 (S3Proxy")
          .doesNotContain("emulator on")
          .doesNotContain(s3.secretKey());
      assertThat(dir.resolve("demo/s3")).doesNotExist();
      assertThat(dir.resolve("demo/emulator")).doesNotExist();
    }
  }
}
