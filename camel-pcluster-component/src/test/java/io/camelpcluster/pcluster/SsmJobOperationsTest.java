package io.camelpcluster.pcluster;

import static org.awaitility.Awaitility.await;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.pcluster.api.ParallelClusterClient;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.InstanceState;
import io.camelpcluster.pcluster.headnode.TestHeadNodes;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The job operations with {@code headNodeAccess=ssm}, the production path: the head node's instance
 * id comes from DescribeCluster of an emulated cluster, and the emulator's Systems Manager runs the
 * commands on this machine, called by the real SDK client signed with the component's credentials.
 */
class SsmJobOperationsTest extends JobOperationsContract {

  private static final String CLUSTER = "ssm-jobs-camel";

  @BeforeAll
  static void createCluster() {
    TestHeadNodes.assumeLocalSlurm();
    try (ParallelClusterClient api =
        ParallelClusterClient.builder()
            .endpoint(emulator().endpoint())
            .region(emulator().region())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        EmulatorConfig.DEFAULT_ACCESS_KEY_ID,
                        EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY)))
            .build()) {
      api.createCluster(CreateClusterRequest.of(CLUSTER, ClusterYaml.slurm(0)));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> api.describeCluster(DescribeClusterRequest.of(CLUSTER)).headNode(),
              head -> head != null && head.state() == InstanceState.RUNNING);
    }
  }

  @Override
  void configureAccess(PclusterConfiguration configuration) {
    configuration.setHeadNodeAccess("ssm");
    configuration.setSsmEndpointOverride(emulator().ssmEndpoint().toString());
    configuration.setSsmPollInterval(Duration.ofMillis(100));
  }

  @Override
  String clusterName() {
    return CLUSTER;
  }
}
