package io.camelpcluster.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.emulator.PclusterEmulatorExtension;
import io.camelpcluster.locals3.LocalS3;
import io.camelpcluster.locals3.LocalS3Clients;
import io.camelpcluster.locals3.LocalS3Settings;
import io.camelpcluster.pcluster.PclusterComponent;
import io.camelpcluster.pcluster.PclusterConfiguration;
import io.camelpcluster.pcluster.api.NotFoundException;
import io.camelpcluster.pcluster.api.ParallelClusterClient;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The pipeline end to end: S3Proxy ({@link LocalS3}) for the buckets, the in-process emulator with
 * short durations for the ParallelCluster API, and this machine's Slurm as the head node, reached
 * through the emulator's Systems Manager ({@code headNodeAccess=ssm}), as in production. Each test
 * makes its own CamelContext ({@link #start}), stopped after it.
 */
abstract class PipelineTestSupport {

  static final String INPUTS = "inputs";
  static final String RESULTS = "results";
  static final String TEMPLATE = "classpath:pipeline/cluster.yaml";
  static final String WORD_COUNT = "classpath:pipeline/wordcount.sh";

  @RegisterExtension
  static final PclusterEmulatorExtension EMULATOR =
      PclusterEmulatorExtension.withConfig(
          EmulatorConfig.builder()
              .createDuration(Duration.ofSeconds(2))
              .updateDuration(Duration.ofSeconds(1))
              .deleteDuration(Duration.ofSeconds(1))
              .fleetTransitionDuration(Duration.ofMillis(300))
              .build());

  private static final AtomicInteger IDS = new AtomicInteger();

  @TempDir static Path s3Directory;
  static LocalS3 s3;
  static S3Client client;
  static S3Presigner presigner;
  static ParallelClusterClient api;

  CamelContext context;

  @BeforeAll
  static void startS3() {
    s3 = LocalS3.start(LocalS3Settings.of(s3Directory));
    s3.createBucket(INPUTS);
    s3.createBucket(RESULTS);
    client = LocalS3Clients.client(s3);
    presigner = LocalS3Clients.presigner(s3);
    api =
        ParallelClusterClient.builder()
            .endpoint(emulator().endpoint())
            .region(emulator().region())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        EmulatorConfig.DEFAULT_ACCESS_KEY_ID,
                        EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY)))
            .build();
  }

  @AfterAll
  static void stopS3() {
    api.close();
    presigner.close();
    client.close();
    s3.close();
  }

  @AfterEach
  void stopContext() {
    if (context != null) {
      context.stop();
    }
  }

  static PclusterEmulator emulator() {
    return EMULATOR.emulator();
  }

  /** Skips the calling test unless Slurm is installed here (scripts/local-slurm.sh). */
  static void assumeLocalSlurm() {
    boolean sinfo =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
            .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "sinfo")));
    assumeTrue(
        sinfo,
        "sinfo is not installed: these tests need the local Slurm and ec2-user that"
            + " 'bash scripts/local-slurm.sh' sets up (as root)");
  }

  /** A pipeline id not used before in this JVM. */
  static String newPipelineId(String name) {
    return name + "-" + IDS.incrementAndGet();
  }

  /** A builder with the test buckets, template and word count job. */
  static EphemeralClusterPipeline.Builder pipeline(String pipelineId) {
    return EphemeralClusterPipeline.builder(pipelineId)
        .owner("tests")
        .resultsBucket(RESULTS)
        .resultsPrefix(pipelineId + "/")
        .configTemplate(TEMPLATE)
        .jobScript(WORD_COUNT)
        .outputFiles("result.txt")
        .ntasks(2)
        .timeLimit("5")
        .createTimeout(Duration.ofSeconds(60))
        .jobTimeout(Duration.ofSeconds(90))
        .deleteTimeout(Duration.ofSeconds(30))
        .presignExpiry(Duration.ofMinutes(10))
        .reaper(false);
  }

  /** A context with the pcluster and aws2-s3 components pointed at the emulator and S3Proxy. */
  CamelContext newContext() {
    CamelContext camel = new DefaultCamelContext();
    PclusterConfiguration configuration =
        camel.getComponent("pcluster", PclusterComponent.class).getConfiguration();
    configuration.setUriEndpointOverride(emulator().endpoint().toString());
    configuration.setRegion(emulator().region());
    configuration.setAccessKey(EmulatorConfig.DEFAULT_ACCESS_KEY_ID);
    configuration.setSecretKey(EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY);
    configuration.setPollInterval(Duration.ofMillis(200));
    configuration.setHeadNodeAccess("ssm");
    configuration.setSsmEndpointOverride(emulator().ssmEndpoint().toString());
    configuration.setSsmPollInterval(Duration.ofMillis(100));
    camel.getRegistry().bind("s3Client", S3Client.class, LocalS3Clients.client(s3));
    camel.getRegistry().bind("s3Presigner", S3Presigner.class, presigner);
    camel.getShutdownStrategy().setTimeout(20);
    return camel;
  }

  /** Starts a new context with the pipeline. */
  CamelContext start(EphemeralClusterPipeline pipeline) throws Exception {
    context = newContext();
    context.start();
    pipeline.addTo(context);
    return context;
  }

  static PutObjectResponse put(String key, String text) {
    return client.putObject(
        b -> b.bucket(INPUTS).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
  }

  static Optional<String> result(String key) {
    try {
      return Optional.of(client.getObjectAsBytes(b -> b.bucket(RESULTS).key(key)).asUtf8String());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  static List<String> resultKeys(String prefix) {
    return client.listObjectsV2Paginator(b -> b.bucket(RESULTS).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  /** The clusters the emulator has now. */
  static List<ClusterInfoSummary> clusters() {
    return api.listAllClusters(ListClustersRequest.all()).toList();
  }

  static Optional<DescribeClusterResponse> describe(String clusterName) {
    try {
      return Optional.of(api.describeCluster(DescribeClusterRequest.of(clusterName)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }
}
