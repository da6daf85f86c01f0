package io.camelpcluster.pcluster.headnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.pcluster.api.ParallelClusterClient;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.DeleteClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.InstanceState;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * An emulated cluster whose head node is this machine, reached through the emulator's SSM with the
 * real SDK client: the production {@code ssm} path, run locally. A JUnit extension (register it on
 * a static field): it starts before the {@code @BeforeAll} methods and stops after the
 * {@code @AfterAll} ones. The head node's instance id comes from DescribeCluster, as in production.
 */
public final class TestSsm implements BeforeAllCallback, AfterAllCallback {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final AwsBasicCredentials CREDENTIALS =
      AwsBasicCredentials.create(
          EmulatorConfig.DEFAULT_ACCESS_KEY_ID, EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY);

  private final String clusterName;
  private final EmulatorConfig config;
  private PclusterEmulator emulator;
  private SsmClient ssm;
  private String instanceId;
  private HeadNodeAccessFactory factory;

  public TestSsm(String clusterName) {
    this(clusterName, EmulatorConfig.builder().createDuration(Duration.ofMillis(300)).build());
  }

  public TestSsm(String clusterName, EmulatorConfig config) {
    this.clusterName = clusterName;
    this.config = config;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    TestHeadNodes.assumeLocalSlurm();
    emulator = PclusterEmulator.start(config);
    try (ParallelClusterClient api = api()) {
      api.createCluster(CreateClusterRequest.of(clusterName, CLUSTER));
      DescribeClusterResponse described =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> api.describeCluster(DescribeClusterRequest.of(clusterName)),
                  d -> d.headNode() != null && d.headNode().state() == InstanceState.RUNNING);
      instanceId = described.headNode().instanceId();
    }
    assertThat(instanceId).startsWith("i-");
    ssm =
        SsmClient.builder()
            .endpointOverride(emulator.ssmEndpoint())
            .region(Region.of(emulator.region()))
            .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (ssm != null) {
      ssm.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  /** Deletes the cluster: its head node goes away, and the Slurm jobs submitted through it. */
  public void deleteCluster() {
    try (ParallelClusterClient api = api()) {
      api.deleteCluster(DeleteClusterRequest.of(clusterName));
    }
  }

  private ParallelClusterClient api() {
    return ParallelClusterClient.builder()
        .endpoint(emulator.endpoint())
        .region(emulator.region())
        .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
        .build();
  }

  /** Settings polling every 100 ms. */
  public SsmSettings settings() {
    return SsmSettings.of(ssm).withPollInterval(POLL);
  }

  /** The head node's instance id. */
  public String instanceId() {
    return instanceId;
  }

  public PclusterEmulator emulator() {
    return emulator;
  }

  /**
   * SSM access as the test user, opened as the component opens it; all accesses of this cluster
   * come from one factory, so they share its poller.
   */
  public synchronized SsmAccess access() {
    if (factory == null) {
      factory =
          new HeadNodeAccessFactory(HeadNodeAccessOptions.ssm(TestHeadNodes.USER, settings()));
    }
    return (SsmAccess) factory.open(HeadNode.ofInstance(clusterName, instanceId));
  }

  private static final String CLUSTER =
      """
      Image:
        Os: alinux2023
      HeadNode:
        InstanceType: t3.medium
        Networking:
          SubnetId: subnet-0a1b2c3d4e5f67890
        Ssh:
          KeyName: ops-key
      Scheduling:
        Scheduler: slurm
        SlurmQueues:
          - Name: queue1
            Networking:
              SubnetIds:
                - subnet-0a1b2c3d4e5f67890
            ComputeResources:
              - Name: cr1
                InstanceType: c6i.large
                MinCount: 0
                MaxCount: 8
      """;
}
